"""Running the advisor over many answers at once (`advisor batch`), and the file helpers that
`advisor export` and `advisor schema` share with it."""
