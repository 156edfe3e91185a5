CREATE TABLE `case_relations` (
	`case_id` text NOT NULL,
	`victim_id` text NOT NULL,
	`perpetrator_id` text NOT NULL,
	`relation` text NOT NULL,
	PRIMARY KEY(`case_id`, `victim_id`, `perpetrator_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`victim_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`perpetrator_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `report_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`period_from` text NOT NULL,
	`period_to` text NOT NULL,
	`label` text NOT NULL,
	`figures` text NOT NULL,
	`basis` text NOT NULL,
	`note` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_submissions_period` ON `report_submissions` (`period_from`,`period_to`);--> statement-breakpoint
CREATE TABLE `victim_services` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`victim_id` text NOT NULL,
	`service` text NOT NULL,
	`given_on` text NOT NULL,
	`provider_kind` text NOT NULL,
	`institution_id` text,
	`outcome` text NOT NULL,
	`note` text,
	`source` text NOT NULL,
	`deleted_at` text,
	`deleted_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`victim_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `victim_services_case` ON `victim_services` (`case_id`);--> statement-breakpoint
CREATE INDEX `victim_services_given` ON `victim_services` (`given_on`,`service`);--> statement-breakpoint
CREATE UNIQUE INDEX `victim_services_source` ON `victim_services` (`case_id`,`victim_id`,`source`);--> statement-breakpoint
ALTER TABLE `case_persons` ADD `violence_types` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `simfoni_entered_on` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `simfoni_entered_by` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `simfoni_no` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `education` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `marital_status` text;--> statement-breakpoint
-- Where a case has exactly one victim, what was recorded for "the victim" is that victim's: the
-- perpetrator's relation, and the case's forms of violence. Cases with several victims stay
-- "not recorded" per victim (never a value made up for them).
INSERT INTO `case_relations` (`case_id`, `victim_id`, `perpetrator_id`, `relation`)
SELECT p.`case_id`, v.`person_id`, p.`person_id`, p.`relation`
FROM `case_persons` p
JOIN `case_persons` v ON v.`case_id` = p.`case_id` AND v.`role` = 'victim'
WHERE p.`role` = 'perpetrator' AND p.`relation` IS NOT NULL
  AND (SELECT count(*) FROM `case_persons` x WHERE x.`case_id` = p.`case_id` AND x.`role` = 'victim') = 1;--> statement-breakpoint
UPDATE `case_persons` SET `violence_types` = (SELECT c.`violence_types` FROM `cases` c WHERE c.`id` = `case_persons`.`case_id`)
WHERE `role` = 'victim'
  AND (SELECT count(*) FROM `case_persons` x WHERE x.`case_id` = `case_persons`.`case_id` AND x.`role` = 'victim') = 1
  AND (SELECT json_array_length(c.`violence_types`) FROM `cases` c WHERE c.`id` = `case_persons`.`case_id`) > 0;
