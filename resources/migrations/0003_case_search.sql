-- Full-text search over register number, names, NIK, phone numbers and chronology.
-- Trigram tokens find any fragment of three or more characters (names are often
-- misspelled or half-remembered); kept up to date by the case repository in the same
-- transaction as every change to a case or its persons.
CREATE VIRTUAL TABLE `case_search` USING fts5(
  `case_id` UNINDEXED,
  `register_no`,
  `names`,
  `niks`,
  `phones`,
  `chronology`,
  tokenize = 'trigram remove_diacritics 1'
);
