-- Rates and windows, and how a figure's claimant was found.
--
-- period_*: what a figure counts per unit of time ("1,500 a day": rate, day, 1) or over a window
-- ("in the last 60 days": window, day, 60), as written and normalised; all NULL for a
-- cumulative total, which every figure stored before this migration is taken to be.
-- voice: 'cited' (the sentence names the claimant), 'speaker' (a transcript speaker's own
-- words), 'document' (the document's own voice); NULL when the figure has no claimant. Figures
-- stored before this migration keep NULL until their document is extracted again.
-- Overlays may correct the period (period_set, as source_set and date_set: to a period or to
-- none).

ALTER TABLE figures ADD COLUMN period_text TEXT;
ALTER TABLE figures ADD COLUMN period_kind TEXT
    CHECK (period_kind IN ('rate', 'window'));
ALTER TABLE figures ADD COLUMN period_unit TEXT
    CHECK (period_unit IN ('day', 'week', 'month', 'year'));
ALTER TABLE figures ADD COLUMN period_count INTEGER
    CHECK (period_count > 0);
ALTER TABLE figures ADD COLUMN voice TEXT
    CHECK (voice IN ('cited', 'speaker', 'document'));

ALTER TABLE overlays ADD COLUMN period_set INTEGER NOT NULL DEFAULT 0;
ALTER TABLE overlays ADD COLUMN period_text TEXT;
ALTER TABLE overlays ADD COLUMN period_kind TEXT
    CHECK (period_kind IN ('rate', 'window'));
ALTER TABLE overlays ADD COLUMN period_unit TEXT
    CHECK (period_unit IN ('day', 'week', 'month', 'year'));
ALTER TABLE overlays ADD COLUMN period_count INTEGER
    CHECK (period_count > 0);
