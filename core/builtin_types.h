/* builtin_types.h — the lists of Krait's built-in types and exception classes, as X-macros.
 *
 * Plain C on purpose: runtime.h expands them into the C++ table `T` (struct BuiltinTypes) and instr_api.h into
 * the same table as C sees it (krt_T), so instruction bodies compiled as C can name built-in types.
 */
#ifndef KRAIT_BUILTIN_TYPES_H
#define KRAIT_BUILTIN_TYPES_H

#define KRAIT_BUILTIN_TYPES(X)                                                                         \
    X(object, "object") X(type, "type") X(int, "int") X(bool, "bool") X(float, "float") X(str, "str")  \
    X(bytes, "bytes") X(tuple, "tuple") X(list, "list") X(dict, "dict") X(set, "set")                  \
    X(frozenset, "frozenset") X(range, "range") X(slice, "slice") X(function, "function")              \
    X(builtin_function, "builtin_function_or_method") X(method, "method") X(cell, "cell")              \
    X(code, "code") X(module, "module") X(generator, "generator") X(property, "property")              \
    X(staticmethod, "staticmethod") X(classmethod, "classmethod") X(super, "super")                    \
    X(NoneType, "NoneType") X(NotImplementedType, "NotImplementedType") X(ellipsis, "ellipsis")        \
    X(dict_keys, "dict_keys") X(dict_values, "dict_values") X(dict_items, "dict_items")                \
    X(file, "TextIOWrapper")

// The exception hierarchy: X(name, base).
#define KRAIT_EXCEPTION_TYPES(X)                                                                         \
    X(BaseException, object) X(SystemExit, BaseException) X(KeyboardInterrupt, BaseException)            \
    X(GeneratorExit, BaseException) X(Exception, BaseException) X(StopIteration, Exception)              \
    X(ArithmeticError, Exception) X(FloatingPointError, ArithmeticError)                                 \
    X(OverflowError, ArithmeticError) X(ZeroDivisionError, ArithmeticError) X(AssertionError, Exception) \
    X(AttributeError, Exception) X(BufferError, Exception) X(EOFError, Exception)                        \
    X(ImportError, Exception) X(ModuleNotFoundError, ImportError) X(LookupError, Exception)              \
    X(IndexError, LookupError) X(KeyError, LookupError) X(MemoryError, Exception)                        \
    X(NameError, Exception) X(UnboundLocalError, NameError) X(OSError, Exception)                        \
    X(FileNotFoundError, OSError) X(FileExistsError, OSError) X(PermissionError, OSError)                \
    X(IsADirectoryError, OSError) X(NotADirectoryError, OSError) X(ConnectionError, OSError)              \
    X(BrokenPipeError, ConnectionError) X(ConnectionAbortedError, ConnectionError)                       \
    X(ConnectionRefusedError, ConnectionError) X(ConnectionResetError, ConnectionError)                  \
    X(TimeoutError, OSError) X(InterruptedError, OSError) X(BlockingIOError, OSError)                    \
    X(ChildProcessError, OSError) X(ProcessLookupError, OSError)                                         \
    X(ReferenceError, Exception) X(RuntimeError, Exception) X(StopAsyncIteration, Exception)             \
    X(NotImplementedError, RuntimeError) X(RecursionError, RuntimeError) X(SyntaxError, Exception)       \
    X(IndentationError, SyntaxError) X(TabError, IndentationError) X(SystemError, Exception)             \
    X(TypeError, Exception) X(ValueError, Exception) X(UnicodeError, ValueError)                         \
    X(UnicodeDecodeError, UnicodeError) X(UnicodeEncodeError, UnicodeError) X(Warning, Exception)        \
    X(DeprecationWarning, Warning) X(UserWarning, Warning) X(RuntimeWarning, Warning)                    \
    X(SyntaxWarning, Warning) X(FutureWarning, Warning) X(ImportWarning, Warning)                        \
    X(PendingDeprecationWarning, Warning) X(UnicodeWarning, Warning) X(BytesWarning, Warning)            \
    X(ResourceWarning, Warning) X(EncodingWarning, Warning) X(UnicodeTranslateError, UnicodeError)

#endif
