"""Names in SQL rows, beside an initial, in boarding data and inflected: each rule reads a
structure or a known name, and each has a decoy here it must keep (docs/MASKING.md says where
the rules are wrong)."""

from __future__ import annotations

from tests.helpers import found_names as names

# --- SQL rows ---------------------------------------------------------------------------------


def test_the_name_columns_of_an_sql_insert_are_masked_in_every_row() -> None:
    sql = (
        "INSERT INTO customers (id, first_name, last_name, email, phone) VALUES "
        "(86891, 'Rosa', 'Ortega', 'billing@immo-nord.dk', '010-2016-3306'),\n"
        "(45411, 'Reidun', 'Sæther', NULL, NULL),\n(19870, 'İzzət', 'Pənahov', NULL, NULL);"
    )
    assert names(sql) == ["Rosa", "Ortega", "Reidun", "Sæther", "İzzət", "Pənahov"]


def test_sql_values_in_other_scripts_and_quoted_column_names_are_masked() -> None:
    sql = "INSERT INTO `users` (`id`, `full_name`, `city`) VALUES (1, 'نازنين ضرغامی', 'Dublin');"
    assert names(sql) == ["نازنين ضرغامی"]


def test_sql_values_of_other_columns_and_a_table_of_things_stay() -> None:
    assert names("INSERT INTO products (id, name, price) VALUES (1, 'Rose Bush', 3.99);") == []
    sql = "INSERT INTO orders (id, status, city) VALUES (1, 'Will Call', 'Victoria');"
    assert names(sql) == []
