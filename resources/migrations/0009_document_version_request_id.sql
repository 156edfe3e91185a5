ALTER TABLE `document_versions` ADD `request_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `document_versions_request` ON `document_versions` (`request_id`);