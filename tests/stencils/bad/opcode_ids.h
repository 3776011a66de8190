/* A one-uop numbering for the generator's error tests. */
enum Uop {
    UOP_BAD = 0,
    UOP__COUNT = 1
};
