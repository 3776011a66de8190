/* A one-uop numbering for the generator's error tests. */
#define KRAIT_VALUE_REGS 3
enum Uop {
    UOP_BAD = 0,
    UOP__COUNT = 1
};
