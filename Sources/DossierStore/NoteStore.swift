// UNFINISHED: notes storage arrives with issue 4.
