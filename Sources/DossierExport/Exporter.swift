// UNFINISHED: exports arrive with issue 4.
