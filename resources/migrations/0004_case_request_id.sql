ALTER TABLE `cases` ADD `request_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `cases_request_id` ON `cases` (`request_id`);--> statement-breakpoint
CREATE INDEX `persons_birth` ON `persons` (`birth_date`);