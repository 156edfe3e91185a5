CREATE INDEX `approvals_requested` ON `approvals` (`requested_at`);--> statement-breakpoint
CREATE INDEX `cases_closed` ON `cases` (`closed_at`);