CREATE TABLE `approvals` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`step_id` text NOT NULL,
	`requested_by` text NOT NULL,
	`requested_at` text NOT NULL,
	`payload` text NOT NULL,
	`payload_hash` text NOT NULL,
	`status` text NOT NULL,
	`decided_by` text,
	`decided_at` text,
	`comment` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`step_id`) REFERENCES `case_steps`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `approvals_status` ON `approvals` (`status`,`requested_at`);--> statement-breakpoint
CREATE INDEX `approvals_case` ON `approvals` (`case_id`);--> statement-breakpoint
CREATE TABLE `case_deadlines` (
	`case_id` text NOT NULL,
	`code` text NOT NULL,
	`label` text NOT NULL,
	`due_at` text,
	`met_at` text,
	PRIMARY KEY(`case_id`, `code`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_deadlines_due` ON `case_deadlines` (`met_at`,`due_at`);--> statement-breakpoint
CREATE TABLE `case_items` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kind` text NOT NULL,
	`seq` integer NOT NULL,
	`data` text NOT NULL,
	`status` text,
	`due_at` text,
	`deleted_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `case_items_case` ON `case_items` (`case_id`,`kind`,`seq`);--> statement-breakpoint
CREATE INDEX `case_items_due` ON `case_items` (`kind`,`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `case_requirements` (
	`case_id` text NOT NULL,
	`code` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`checked_at` text,
	`checked_by` text,
	PRIMARY KEY(`case_id`, `code`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `case_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`code` text NOT NULL,
	`seq` integer NOT NULL,
	`status` text NOT NULL,
	`outcome` text,
	`data` text,
	`note` text,
	`submitted_at` text,
	`submitted_by` text,
	`completed_at` text,
	`completed_by` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_steps_case_code` ON `case_steps` (`case_id`,`code`);--> statement-breakpoint
CREATE INDEX `case_steps_status` ON `case_steps` (`status`);--> statement-breakpoint
CREATE TABLE `holidays` (
	`date` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`address` text DEFAULT '' NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`contact_person` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `intake_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`data` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE INDEX `intake_drafts_user` ON `intake_drafts` (`user_id`);--> statement-breakpoint
CREATE TABLE `offered_services` (
	`code` text PRIMARY KEY NOT NULL,
	`enabled` integer NOT NULL,
	`standard_id` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
CREATE TABLE `service_standards` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`version_no` integer NOT NULL,
	`definition` text NOT NULL,
	`created_at` text NOT NULL,
	`created_by` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `service_standards_code_version` ON `service_standards` (`code`,`version_no`);--> statement-breakpoint
ALTER TABLE `case_persons` ADD `relation` text;--> statement-breakpoint
ALTER TABLE `case_persons` ADD `companion_of` text;--> statement-breakpoint
ALTER TABLE `case_persons` ADD `companion_type` text;--> statement-breakpoint
CREATE INDEX `case_persons_person` ON `case_persons` (`person_id`);--> statement-breakpoint
ALTER TABLE `cases` ADD `standard_id` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `closure` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `closed_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `risk_level` text DEFAULT 'low' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `incident_date` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `incident_place` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `incident_region` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `incident_rt` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `incident_rw` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `incident_address` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `violence_types` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `needs` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `cases` ADD `consent` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `assigned_to` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `requirements_completed_at` text;--> statement-breakpoint
ALTER TABLE `cases` ADD `due_at` text;--> statement-breakpoint
CREATE INDEX `cases_service_status` ON `cases` (`service_code`,`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `cases_due` ON `cases` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `cases_assigned` ON `cases` (`assigned_to`,`status`);--> statement-breakpoint
CREATE INDEX `cases_created` ON `cases` (`created_at`);--> statement-breakpoint
ALTER TABLE `persons` ADD `name_key` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `kk_no` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `birth_place` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `region` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `rt` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `rw` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `address` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `occupation` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `disability` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `persons` ADD `disability_note` text;--> statement-breakpoint
CREATE INDEX `persons_nik` ON `persons` (`nik`);--> statement-breakpoint
CREATE INDEX `persons_name_birth` ON `persons` (`name_key`,`birth_date`);