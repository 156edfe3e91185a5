DROP INDEX `case_steps_status`;--> statement-breakpoint
ALTER TABLE `cases` ADD `search_rowid` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_search_rowid` ON `cases` (`search_rowid`);--> statement-breakpoint
-- Registers written before this version: link each case to its existing search row.
UPDATE `cases` SET `search_rowid` = s.`rowid` FROM `case_search` AS s WHERE s.`case_id` = `cases`.`id`;
