// The one main() of krait_unit_tests: Catch2's own. Every other tests/unit/test_*.cpp only declares
// TEST_CASEs, so this file is compiled once and the test files stay quick to rebuild.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
