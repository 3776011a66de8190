// file.cpp — Krait's file objects (type TextIOWrapper, layout FileObject): open(), the methods of text and
// binary files (read, readline, readlines, write, writelines, seek, tell, flush, close, iteration, `with`),
// and sys.stdin / sys.stdout / sys.stderr over the C stdio streams.
//
// Files are C stdio FILE*s, so buffering is stdio's: stdout is fully buffered (64 KiB) unless it is a
// terminal, which keeps print loops fast; stdout is flushed before anything is written to stderr, so
// interleaved output keeps its order, and C's exit() flushes everything at the end. Text is UTF-8 whatever
// `encoding` says, and reading translates "\r\n" line ends to "\n" (CPython's universal newlines, except that
// a lone "\r" is not a line end here). builtins.cpp (print, input, open) and sys_module.cpp use the functions
// exported at the bottom.
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "containers.h"
#include "gc.h"
#include "methods.h"
#include "runtime.h"

namespace krait {

namespace {

int python_errno(int e);  // below: errno as CPython on Linux reports it


FileObject* g_std[3] = {nullptr, nullptr, nullptr}; // stdin, stdout, stderr
TypeObject* g_unsupported = nullptr;                // io.UnsupportedOperation

FILE* fp_of(FileObject* f) {
    return static_cast<FILE*>(f->fp);
}
FileObject* file_of(Value v) {
    return as<FileObject>(v);
}
bool is_binary(FileObject* f) {
    return f->mode->view().find('b') != std::string_view::npos;
}

bool check_open(FileObject* f) {
    if (f->fp) return true;
    raise(T.e_ValueError, "I/O operation on closed file.");
    return false;
}

bool check_readable(FileObject* f) {
    if (!check_open(f)) return false;
    if (f->readable) return true;
    raise(g_unsupported, "not readable");
    return false;
}

bool check_writable(FileObject* f) {
    if (!check_open(f)) return false;
    if (f->writable) return true;
    raise(g_unsupported, "not writable");
    return false;
}

// Text or bytes of what was read, as the file's mode wants.
Value make_result(FileObject* f, std::string_view data) {
    if (!is_binary(f)) return str_new(data);
    auto* b = gc_new<BytesObject>(T.t_bytes, Kind::Bytes, data.size());
    if (!b) return raise_no_memory();
    b->size = data.size();
    b->hash = -1;
    memcpy(b->data, data.data(), data.size());
    return val(b);
}

// "\r\n" -> "\n" for text reads.
void translate_newlines(std::string* s) {
    if (s->find('\r') == std::string::npos) return;
    std::string out;
    out.reserve(s->size());
    for (size_t i = 0; i < s->size(); i++) {
        if ((*s)[i] == '\r' && i + 1 < s->size() && (*s)[i + 1] == '\n') continue;
        out += (*s)[i];
    }
    *s = std::move(out);
}

// Reads one line (with its "\n") into *out; empty at end of file.
bool read_line(FileObject* f, std::string* out, int64_t limit) {
    out->clear();
    FILE* fp = fp_of(f);
    int c;
    while ((limit < 0 || int64_t(out->size()) < limit) && (c = getc(fp)) != EOF) {
        if (c == '\r' && !is_binary(f)) {
            int d = getc(fp);
            if (d == '\n')
                c = '\n';
            else if (d != EOF)
                ungetc(d, fp);
        }
        out->push_back(char(c));
        if (c == '\n') break;
    }
    if (ferror(fp)) {
        clearerr(fp);
        raise(T.e_OSError, "[Errno %d] %s", python_errno(errno), strerror(errno));
        return false;
    }
    clearerr(fp); // a terminal can deliver more after an EOF (Ctrl-D)
    return true;
}

bool read_all(FileObject* f, std::string* out) {
    char buf[65536];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, fp_of(f))) > 0) out->append(buf, n);
    clearerr(fp_of(f));
    if (!is_binary(f)) translate_newlines(out);
    return true;
}

// Reads n characters (code points) of text, or n bytes in binary mode.
bool read_n(FileObject* f, int64_t n, std::string* out) {
    FILE* fp = fp_of(f);
    for (int64_t k = 0; k < n; k++) {
        int c = getc(fp);
        if (c == EOF) break;
        if (is_binary(f)) {
            out->push_back(char(c));
            continue;
        }
        if (c == '\r') {
            int d = getc(fp);
            if (d == '\n')
                c = '\n';
            else if (d != EOF)
                ungetc(d, fp);
        }
        out->push_back(char(c));
        int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
        for (int i = 0; i < extra && (c = getc(fp)) != EOF; i++) out->push_back(char(c));
    }
    clearerr(fp);
    return true;
}

// Writes raw bytes; stdout is flushed first when writing to stderr so that the two keep their order.
bool write_bytes(FileObject* f, std::string_view data) {
    if (f == g_std[2]) fflush(stdout);
    if (fwrite(data.data(), 1, data.size(), fp_of(f)) != data.size()) {
        raise(T.e_OSError, "[Errno %d] %s", python_errno(errno), strerror(errno));
        return false;
    }
    if (f == g_std[2]) fflush(fp_of(f));
    return true;
}

// ---- methods ----

Value f_read(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("read", kw) || !check_nargs("read", nargs - 1, 0, 1)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_readable(f)) return VAL_NULL;
    int64_t n = -1;
    if (nargs == 2 && !val_is_none(args[1]) && !to_int64(args[1], &n, "size")) return VAL_NULL;
    std::string out;
    if (n < 0 ? !read_all(f, &out) : !read_n(f, n, &out)) return VAL_NULL;
    return make_result(f, out);
}

Value f_readline(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("readline", kw) || !check_nargs("readline", nargs - 1, 0, 1)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_readable(f)) return VAL_NULL;
    int64_t limit = -1;
    if (nargs == 2 && !val_is_none(args[1]) && !to_int64(args[1], &limit, "size")) return VAL_NULL;
    std::string line;
    if (!read_line(f, &line, limit)) return VAL_NULL;
    return make_result(f, line);
}

Value f_readlines(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("readlines", kw) || !check_nargs("readlines", nargs - 1, 0, 1)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_readable(f)) return VAL_NULL;
    int64_t hint = -1;
    if (nargs == 2 && !val_is_none(args[1]) && !to_int64(args[1], &hint, "hint")) return VAL_NULL;
    ListObject* l = list_new();
    if (!l) return raise_no_memory();
    Value lv = val(l);
    Root rl(lv);
    std::string line;
    int64_t total = 0;
    for (;;) {
        if (!read_line(f, &line, -1)) return VAL_NULL;
        if (line.empty()) break;
        Value s = make_result(f, line);
        if (val_is_null(s) || !list_append(l, s)) return VAL_NULL;
        total += int64_t(line.size());
        if (hint > 0 && total >= hint) break;
    }
    return lv;
}

// Writes a str (text mode) or bytes (binary mode) and returns how many characters or bytes it wrote.
Value f_write(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("write", kw) || !check_nargs("write", nargs - 1, 1, 1)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_writable(f)) return VAL_NULL;
    if (is_binary(f)) {
        if (!is_kind(args[1], Kind::Bytes))
            return raise(T.e_TypeError, "a bytes-like object is required, not '%s'", type_name(args[1]));
        auto* b = as<BytesObject>(args[1]);
        if (!write_bytes(f, std::string_view(b->data, b->size))) return VAL_NULL;
        return int_from_i64(int64_t(b->size));
    }
    if (!is_kind(args[1], Kind::Str))
        return raise(T.e_TypeError, "write() argument must be str, not %s", type_name(args[1]));
    auto* s = as<StrObject>(args[1]);
    if (!write_bytes(f, s->view())) return VAL_NULL;
    return int_from_i64(int64_t(s->length));
}

Value f_writelines(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("writelines", kw) || !check_nargs("writelines", nargs - 1, 1, 1)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_writable(f)) return VAL_NULL;
    Value it = obj_getiter(args[1]);
    if (val_is_null(it)) return it;
    Root ri(it);
    for (;;) {
        Value x = iter_next(it);
        if (val_is_null(x)) return err_occurred() ? VAL_NULL : VAL_NONE;
        Value wargs[2] = {args[0], x};
        if (val_is_null(f_write(wargs, 2, nullptr))) return VAL_NULL;
    }
}

Value f_flush(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("flush", kw) || !check_nargs("flush", nargs - 1, 0, 0)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_open(f)) return VAL_NULL;
    fflush(fp_of(f));
    return VAL_NONE;
}

Value f_close(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("close", kw) || !check_nargs("close", nargs - 1, 0, 0)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!f->fp) return VAL_NONE;
    if (f->owns)
        fclose(fp_of(f));
    else
        fflush(fp_of(f));
    f->fp = nullptr;
    return VAL_NONE;
}

Value f_enter(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("__enter__", kw) || !check_nargs("__enter__", nargs - 1, 0, 0)) return VAL_NULL;
    if (!check_open(file_of(args[0]))) return VAL_NULL;
    return args[0];
}

Value f_exit(Value* args, size_t nargs, TupleObject*) {
    Value self = args[0];
    return f_close(&self, 1, nullptr);
}

Value f_seek(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("seek", kw) || !check_nargs("seek", nargs - 1, 1, 2)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_open(f)) return VAL_NULL;
    int64_t off, whence = 0;
    if (!to_int64(args[1], &off, "offset") || (nargs == 3 && !to_int64(args[2], &whence, "whence")))
        return VAL_NULL;
    if (whence < 0 || whence > 2)
        return raise(T.e_ValueError, "invalid whence (%lld, should be 0, 1 or 2)", (long long)whence);
    if (!is_binary(f) && whence != 0 && off != 0)
        return raise(T.e_OSError, "can't do nonzero cur-relative seeks");
    if (fseek(fp_of(f), long(off), whence == 0 ? SEEK_SET : whence == 1 ? SEEK_CUR : SEEK_END) != 0)
        return raise(T.e_OSError, "[Errno %d] %s", python_errno(errno), strerror(errno));
    return int_from_i64(int64_t(ftell(fp_of(f))));
}

Value f_tell(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("tell", kw) || !check_nargs("tell", nargs - 1, 0, 0)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_open(f)) return VAL_NULL;
    return int_from_i64(int64_t(ftell(fp_of(f))));
}

Value f_fileno(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("fileno", kw) || !check_nargs("fileno", nargs - 1, 0, 0)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_open(f)) return VAL_NULL;
    return val_from_int(fileno(fp_of(f)));
}

Value f_isatty(Value* args, size_t nargs, TupleObject* kw) {
    if (!no_kwargs("isatty", kw) || !check_nargs("isatty", nargs - 1, 0, 0)) return VAL_NULL;
    FileObject* f = file_of(args[0]);
    if (!check_open(f)) return VAL_NULL;
    return val_from_bool(isatty(fileno(fp_of(f))));
}

Value f_readable(Value* args, size_t nargs, TupleObject*) {
    FileObject* f = file_of(args[0]);
    if (!check_open(f)) return VAL_NULL;
    return val_from_bool(f->readable);
}

Value f_writable(Value* args, size_t nargs, TupleObject*) {
    FileObject* f = file_of(args[0]);
    if (!check_open(f)) return VAL_NULL;
    return val_from_bool(f->writable);
}

const MethodDef file_methods[] = {
    {"read", f_read, 0},
    {"readline", f_readline, 0},
    {"readlines", f_readlines, 0},
    {"write", f_write, 0},
    {"writelines", f_writelines, 0},
    {"flush", f_flush, 0},
    {"close", f_close, 0},
    {"__enter__", f_enter, 0},
    {"__exit__", f_exit, 0},
    {"seek", f_seek, 0},
    {"tell", f_tell, 0},
    {"fileno", f_fileno, 0},
    {"isatty", f_isatty, 0},
    {"readable", f_readable, 0},
    {"writable", f_writable, 0},
    {nullptr, nullptr, 0},
};

// ---- slots ----

Value file_iter(Value self) {
    if (!check_open(file_of(self))) return VAL_NULL;
    return self;
}

Value file_next(Value self) {
    FileObject* f = file_of(self);
    if (!check_readable(f)) return VAL_NULL;
    std::string line;
    if (!read_line(f, &line, -1)) return VAL_NULL;
    if (line.empty()) return VAL_NULL; // exhausted
    return make_result(f, line);
}

Value file_repr(Value self) {
    FileObject* f = file_of(self);
    Value name = obj_repr(val(f->name));
    if (val_is_null(name)) return name;
    std::string n(str_view(name));
    if (is_binary(f)) {
        const char* kind = f->readable && f->writable ? "BufferedRandom"
                           : f->readable              ? "BufferedReader"
                                                      : "BufferedWriter";
        return str_new("<_io." + std::string(kind) + " name=" + n + ">");
    }
    bool std_stream = f == g_std[0] || f == g_std[1] || f == g_std[2];
    return str_new("<_io.TextIOWrapper name=" + n + " mode='" + std::string(f->mode->view()) +
                   "' encoding='" + (std_stream ? "utf-8" : "UTF-8") + "'>");
}

Value file_getattr(Value self, StrObject* name) {
    FileObject* f = file_of(self);
    std::string_view n = name->view();
    if (n == "closed") return val_from_bool(f->fp == nullptr);
    if (n == "name") return val(f->name);
    if (n == "mode") return val(f->mode);
    if (n == "encoding" && !is_binary(f))
        return val(intern(f == g_std[0] || f == g_std[1] || f == g_std[2] ? "utf-8" : "UTF-8"));
    return generic_getattr(self, name, true);
}

FileObject* new_file(FILE* fp, Value name, std::string_view mode, bool readable, bool writable, bool owns) {
    Root rn(name);
    Value m = str_new(mode);
    if (val_is_null(m)) return nullptr;
    auto* f = gc_new<FileObject>(T.t_file, Kind::File);
    if (!f) {
        raise_no_memory();
        return nullptr;
    }
    f->fp = fp;
    f->name = as<StrObject>(name);
    f->mode = as<StrObject>(m);
    f->readable = readable, f->writable = writable, f->owns = owns;
    return f;
}

// Python programs see Linux's errno numbers (as CPython on Linux reports them) whatever the C library uses:
// Emscripten's libc numbers ENOENT 44, for example.
int python_errno(int e) {
    switch (e) {
        case EPERM: return 1;
        case ENOENT: return 2;
        case EINTR: return 4;
        case EIO: return 5;
        case EBADF: return 9;
        case EAGAIN: return 11;
        case ENOMEM: return 12;
        case EACCES: return 13;
        case EEXIST: return 17;
        case ENOTDIR: return 20;
        case EISDIR: return 21;
        case EINVAL: return 22;
        case EMFILE: return 24;
        case ENOSPC: return 28;
        case EROFS: return 30;
        case EPIPE: return 32;
        case ENAMETOOLONG: return 36;
        default: return e;
    }
}

// The OSError subclass and message CPython raises when opening `name` failed with errno `e`.
Value raise_open_error(int e, Value name) {
    TypeObject* t = e == ENOENT                   ? T.e_FileNotFoundError
                    : e == EEXIST                 ? T.e_FileExistsError
                    : (e == EACCES || e == EPERM) ? T.e_PermissionError
                    : e == EISDIR                 ? T.e_IsADirectoryError
                                                  : T.e_OSError;
    // OSError(errno, strerror, filename) sets .errno/.strerror/.filename and formats
    // "[Errno 2] No such file or directory: 'x'" (exceptions.cpp).
    Value msg = str_new(strerror(e));
    if (val_is_null(msg)) return msg;
    Value cargs[3] = {val_from_int(python_errno(e)), msg, name};
    RootArray rc(cargs, 3);
    Value exc = obj_call(val(t), cargs, 3, nullptr);
    if (val_is_null(exc)) return exc;
    return raise_value(exc);
}

// io.UnsupportedOperation(OSError, ValueError): what reading a write-only file raises.
void make_unsupported_operation() {
    TypeObject* t = make_builtin_type("UnsupportedOperation", T.e_OSError, Kind::Exception, true);
    t->module = intern("io");
    dict_set_str(t->dict, intern("__module__"), val(t->module));
    t->bases = as<TupleObject>(tuple_pack({val(T.e_OSError), val(T.e_ValueError)}));
    t->mro = as<TupleObject>(tuple_pack({val(t), val(T.e_OSError), val(T.e_ValueError), val(T.e_Exception),
                                         val(T.e_BaseException), val(T.t_object)}));
    T.e_ValueError->subclasses->push_back(t);
    g_unsupported = t;
}

} // namespace

// ---- exported to builtins.cpp and sys_module.cpp ----

// Sets up the file type and the three standard streams; called by init_builtins.
void init_file_type() {
    make_unsupported_operation();
    TypeObject* t = T.t_file;
    t->iter = file_iter, t->next = file_next, t->repr = file_repr, t->getattr = file_getattr;
    add_methods(t, file_methods);
    add_slot_wrappers(t); // runtime_init made the wrappers before these slots existed
    if (!isatty(fileno(stdout))) setvbuf(stdout, nullptr, _IOFBF, size_t(1) << 16);
    FILE* fps[3] = {stdin, stdout, stderr};
    const char* names[3] = {"<stdin>", "<stdout>", "<stderr>"};
    for (int i = 0; i < 3; i++) {
        g_std[i] = new_file(fps[i], val(intern(names[i])), i == 0 ? "r" : "w", i == 0, i != 0, false);
        gc_make_permanent(g_std[i]);
    }
}

// 0: stdin, 1: stdout, 2: stderr.
Value file_std_stream(int which) {
    return val(g_std[which]);
}

// Writes text to a file object: directly for Krait's files, through its write() method for anything else
// (a class with a write method assigned to sys.stdout, say).
bool file_write(Value file, std::string_view text) {
    if (is_kind(file, Kind::File)) {
        FileObject* f = file_of(file);
        if (!check_writable(f)) return false;
        if (is_binary(f)) {
            raise(T.e_TypeError, "a bytes-like object is required, not 'str'");
            return false;
        }
        return write_bytes(f, text);
    }
    static StrObject* wname = intern("write");
    Value s = str_new(text);
    if (val_is_null(s)) return false;
    return !val_is_null(call_method1(file, wname, s));
}

bool file_flush(Value file) {
    if (is_kind(file, Kind::File)) {
        FileObject* f = file_of(file);
        if (f->fp) fflush(fp_of(f));
        return true;
    }
    static StrObject* fname = intern("flush");
    Value m = obj_getattr_default(file, fname, VAL_NULL);
    if (val_is_null(m)) return !err_occurred();
    return !val_is_null(call0(m));
}

// One line from a file object (with its "\n"; "" at end of file), for input().
Value file_readline(Value file) {
    if (is_kind(file, Kind::File)) {
        FileObject* f = file_of(file);
        if (!check_readable(f)) return VAL_NULL;
        std::string line;
        if (!read_line(f, &line, -1)) return VAL_NULL;
        return make_result(f, line);
    }
    static StrObject* rname = intern("readline");
    return call_method0(file, rname);
}

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)
Value builtin_open(Value* args, size_t nargs, TupleObject* kwnames) {
    Value a[8];
    if (!bind_args("open", args, nargs, kwnames,
                   {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1, a))
        return VAL_NULL;
    Value name = a[0];
    if (!is_kind(name, Kind::Str))
        return raise(T.e_TypeError, "expected str, bytes or os.PathLike object, not %s", type_name(name));
    std::string_view mode = "r";
    if (!val_is_null(a[1])) {
        if (!is_kind(a[1], Kind::Str))
            return raise(T.e_TypeError, "open() argument 'mode' must be str, not %s", type_name(a[1]));
        mode = str_view(a[1]);
    }
    int rwax = 0;
    bool plus = false, binary = false, text = false;
    for (char c : mode) {
        if (c == 'r' || c == 'w' || c == 'a' || c == 'x')
            rwax++;
        else if (c == '+')
            plus = true;
        else if (c == 'b')
            binary = true;
        else if (c == 't')
            text = true;
        else
            return raise(T.e_ValueError, "invalid mode: '%.*s'", int(mode.size()), mode.data());
    }
    if (binary && text) return raise(T.e_ValueError, "can't have text and binary mode at once");
    if (rwax != 1) return raise(T.e_ValueError, "must have exactly one of create/read/write/append mode");
    if (binary && !val_is_null(a[3]) && !val_is_none(a[3]))
        return raise(T.e_ValueError, "binary mode doesn't take an encoding argument");
    char kind = mode[mode.find_first_of("rwax")];
    int flags = kind == 'r'   ? O_RDONLY
                : kind == 'w' ? O_WRONLY | O_CREAT | O_TRUNC
                : kind == 'a' ? O_WRONLY | O_CREAT | O_APPEND
                              : O_WRONLY | O_CREAT | O_EXCL;
    if (plus) flags = (flags & ~(O_RDONLY | O_WRONLY)) | O_RDWR;
    std::string path(str_view(name));
    if (path.find('\0') != std::string::npos) return raise(T.e_ValueError, "embedded null byte");
    int fd = ::open(path.c_str(), flags, 0666);
    if (fd < 0) return raise_open_error(errno, name);
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
        ::close(fd);
        return raise_open_error(EISDIR, name);
    }
    const char* fmode = kind == 'r'   ? (plus ? "r+" : "r")
                        : kind == 'a' ? (plus ? "a+" : "a")
                                      : (plus ? "w+" : "w");
    FILE* fp = fdopen(fd, fmode);
    if (!fp) {
        int e = errno;
        ::close(fd);
        return raise_open_error(e, name);
    }
    std::string m;
    m += kind;
    if (plus) m += '+';
    if (binary) m += 'b';
    FileObject* f =
        new_file(fp, name, binary ? m : std::string(mode), kind == 'r' || plus, kind != 'r' || plus, true);
    if (!f) {
        fclose(fp);
        return VAL_NULL;
    }
    return val(f);
}

} // namespace krait
