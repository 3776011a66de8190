// gc.cpp — the precise mark-and-sweep collector.
//
// Roots: every frame on the value stack (its whole extent), the raised and handled exceptions, the module table,
// the builtins, permanent objects (traced for their children), and C++ roots (Root / RootVec). Marking uses an
// explicit stack so that long linked structures cannot overflow the C++ stack.
#include "gc.h"
#include "huge_pages.h"

#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "code.h"
#include "containers.h"
#include "frame.h"
#include "tier2.h"
#include "vm.h"

namespace krait {

GcState gc;

namespace {

// Permanent objects with children, traced at every collection. Never destroyed: it is what keeps permanent
// objects reachable (they leave the sweep list), also for a leak checker running after static destructors.
std::vector<Object*>& g_permanent = *new std::vector<Object*>();
std::vector<Object*> g_mark_stack;

inline void mark_obj(Object* o) {
    if (o && !o->gc_mark) {
        o->gc_mark = 1;
        g_mark_stack.push_back(o);
    }
}
inline void mark(Value v) {
    if (val_is_obj(v)) mark_obj(obj(v));
}
inline void mark_values(const Value* v, size_t n) {
    for (size_t i = 0; i < n; i++) mark(v[i]);
}
void mark_table(const HashTable& t) {
    for (uint32_t i = 0; i < t.nentries; i++) {
        mark(t.entries[i].key);
        mark(t.entries[i].value);
    }
}

void mark_frame(Frame* f) {
    mark_obj(f->code);
    mark_obj(f->func);
    mark_obj(f->globals);
    mark(f->locals_dict);
    mark_obj(f->gen);
    mark_values(f->localsplus(), f->code->nlocalsplus + f->code->stacksize);
}

void trace_instance(InstanceObject* o) {
    if (o->shape) mark_values(o->slots, o->shape->size);
    mark_obj(o->dict);
}

// Pushes every object `o` refers to.
void trace(Object* o) {
    mark_obj(o->type);
    switch (o->kind) {
        case Kind::Instance: trace_instance(static_cast<InstanceObject*>(o)); break;
        case Kind::Type: {
            auto* t = static_cast<TypeObject*>(o);
            mark_obj(t->name), mark_obj(t->module), mark_obj(t->bases), mark_obj(t->mro), mark_obj(t->dict);
            mark_obj(t->solid_base);
            break;
        }
        case Kind::BigInt: case Kind::Str: case Kind::Bytes: case Kind::Range: break;
        case Kind::Tuple: {
            auto* t = static_cast<TupleObject*>(o);
            mark_values(t->items, t->size);
            break;
        }
        case Kind::List: {
            auto* l = static_cast<ListObject*>(o);
            mark_values(l->items, l->size);
            break;
        }
        case Kind::Dict: mark_table(static_cast<DictObject*>(o)->table); break;
        case Kind::Set: mark_table(static_cast<SetObject*>(o)->table); break;
        case Kind::Slice: {
            auto* s = static_cast<SliceObject*>(o);
            mark(s->start), mark(s->stop), mark(s->step);
            break;
        }
        case Kind::Function: {
            auto* f = static_cast<FunctionObject*>(o);
            mark_obj(f->code), mark_obj(f->globals), mark_obj(f->defaults), mark_obj(f->kwdefaults);
            mark_obj(f->closure), mark_obj(f->name), mark_obj(f->qualname), mark_obj(f->dict);
            mark(f->doc), mark(f->module);
            break;
        }
        case Kind::Native: mark(static_cast<NativeObject*>(o)->bound); break;
        case Kind::BoundMethod: {
            auto* m = static_cast<BoundMethodObject*>(o);
            mark(m->func), mark(m->self);
            break;
        }
        case Kind::Cell: mark(static_cast<CellObject*>(o)->ref); break;
        case Kind::Code: {
            auto* c = static_cast<CodeObject*>(o);
            mark_values(c->consts.data(), c->consts.size());
            for (auto* n : c->names) mark_obj(n);
            for (auto* n : c->localsplus_names) mark_obj(n);
            mark_obj(c->name), mark_obj(c->qualname), mark_obj(c->filename);
            break;
        }
        case Kind::Module: {
            auto* m = static_cast<ModuleObject*>(o);
            mark_obj(m->name), mark_obj(m->dict);
            break;
        }
        case Kind::Generator: {
            auto* g = static_cast<GeneratorObject*>(o);
            if (g->saved) mark_frame(reinterpret_cast<Frame*>(g->saved));
            mark_obj(g->name), mark_obj(g->qualname), mark(g->handled_exc);
            break;
        }
        case Kind::Exception: {
            auto* e = static_cast<ExceptionObject*>(o);
            trace_instance(e);
            mark_obj(e->args), mark(e->cause), mark(e->context);
            if (e->trace)
                for (auto& t : *e->trace) mark_obj(t.code);
            break;
        }
        case Kind::Property: {
            auto* p = static_cast<PropertyObject*>(o);
            mark(p->fget), mark(p->fset), mark(p->fdel), mark(p->doc);
            break;
        }
        case Kind::StaticMethod: case Kind::ClassMethod: mark(static_cast<WrapperObject*>(o)->func); break;
        case Kind::Super: {
            auto* s = static_cast<SuperObject*>(o);
            mark_obj(s->type), mark(s->obj), mark_obj(s->obj_type);
            break;
        }
        case Kind::Iter: {
            auto* it = static_cast<IterObject*>(o);
            mark(it->src), mark(it->aux);
            break;
        }
        case Kind::DictView: mark_obj(static_cast<DictViewObject*>(o)->dict); break;
        case Kind::File: {
            auto* f = static_cast<FileObject*>(o);
            mark_obj(f->name), mark_obj(f->mode);
            break;
        }
    }
}

void mark_roots() {
    for (Frame* f = vm.frame; f; f = f->prev) mark_frame(f);
    mark(vm.exc), mark(vm.handled);
    mark_obj(vm.builtins), mark_obj(vm.builtins_module), mark_obj(vm.sys_module), mark_obj(vm.modules);
    for (Value* r : gc.roots) mark(*r);
    for (auto* vec : gc.root_vectors) mark_values(vec->data(), vec->size());
    for (auto& arr : gc.root_arrays) mark_values(arr.first, arr.second);
    for (Object* o : g_permanent) trace(o);
}

// ---- the object pools ----
// Objects up to kMaxPooled bytes come from size classes of kGrain bytes: a free list per class, refilled by
// bumping through chunks of huge pages where there are some (huge_pages.h), else from malloc. The sweep puts dead
// objects back on their class's list, so the common allocation is a pop and a memset instead of calloc's work (and
// free's). Chunks are kept for the life of the process. The sanitizer build allocates every object on its own, so that ASan still sees each one.
constexpr size_t kGrain = 16;
constexpr size_t kMaxPooled = 512;
constexpr size_t kClasses = kMaxPooled / kGrain;
constexpr size_t kChunkBytes = kHugePages ? kHugePage : 256 * 1024;
// Buffers this large get huge pages of their own (where there are some); smaller ones come from malloc. The
// sanitizer build takes every buffer from malloc too.
constexpr size_t kHugeBuffer = 1u << 20;

struct FreeBlock {
    FreeBlock* next;
};
FreeBlock* g_free_lists[kClasses + 1];
char* g_bump = nullptr;
char* g_bump_end = nullptr;

#ifdef KRAIT_SANITIZE
constexpr bool kPooling = false;
#else
constexpr bool kPooling = true;
#endif

// A block of the class's size from the pool, uninitialized.
void* pool_take(size_t size_class) {
    size_t bytes = size_class * kGrain;
    void* p = g_free_lists[size_class];
    if (p) {
        g_free_lists[size_class] = static_cast<FreeBlock*>(p)->next;
    } else {
        if (static_cast<size_t>(g_bump_end - g_bump) < bytes) {
            // The old chunk's tail (< kMaxPooled) is left.
            char* chunk = static_cast<char*>(kHugePages ? huge_page_alloc(kChunkBytes) : malloc(kChunkBytes));
            if (!chunk) return nullptr;
            g_bump = chunk;
            g_bump_end = chunk + kChunkBytes;
        }
        p = g_bump;
        g_bump += bytes;
    }
    return p;
}

void pool_give(void* p, size_t size_class) {
    auto* b = static_cast<FreeBlock*>(p);
    b->next = g_free_lists[size_class];
    g_free_lists[size_class] = b;
}

inline size_t class_of(size_t bytes) { return (bytes + kGrain - 1) / kGrain; }

// Zeroes a pooled block. Most objects are 32-64 bytes: a memset of a known size is a few vector stores, while the
// compiler's expansion of one of a variable size (`rep stos`) takes ~30 cycles to start — half of gc_alloc's time
// in fannkuch's profile.
inline void zero_block(void* p, size_t size_class) {
    switch (size_class) {
        case 1: memset(p, 0, 1 * kGrain); break;
        case 2: memset(p, 0, 2 * kGrain); break;
        case 3: memset(p, 0, 3 * kGrain); break;
        case 4: memset(p, 0, 4 * kGrain); break;
        case 5: memset(p, 0, 5 * kGrain); break;
        case 6: memset(p, 0, 6 * kGrain); break;
        default: memset(p, 0, size_class * kGrain); break;
    }
}
inline bool pooled(size_t bytes) { return kPooling && bytes && bytes <= kMaxPooled; }
inline bool huge(size_t bytes) { return kPooling && kHugePages && bytes >= kHugeBuffer; }  // ASan sees malloc's

void release(Object* o) {
    if (o->gc_size_class) pool_give(o, o->gc_size_class);
    else free(o);
}

}  // namespace

void* gc_buffer_alloc(size_t bytes) {
    if (pooled(bytes)) return pool_take(class_of(bytes));
    if (huge(bytes)) return huge_page_alloc(bytes);
    return malloc(bytes);
}

void* gc_buffer_realloc(void* p, size_t old_bytes, size_t new_bytes) {
    if (!p) return gc_buffer_alloc(new_bytes);
    bool old_pooled = pooled(old_bytes), new_pooled = pooled(new_bytes);
    bool old_huge = huge(old_bytes), new_huge = huge(new_bytes);
    if (!old_pooled && !new_pooled && !old_huge && !new_huge) return realloc(p, new_bytes);
    if (old_pooled && new_pooled && class_of(old_bytes) == class_of(new_bytes)) return p;
    if (old_huge && new_huge && huge_page_round(old_bytes) == huge_page_round(new_bytes)) return p;
    void* q = gc_buffer_alloc(new_bytes);
    if (!q) return nullptr;
    memcpy(q, p, old_bytes < new_bytes ? old_bytes : new_bytes);
    gc_buffer_free(p, old_bytes);
    return q;
}

void gc_buffer_free(void* p, size_t bytes) {
    if (!p) return;
    if (pooled(bytes)) pool_give(p, class_of(bytes));
    else if (huge(bytes)) huge_page_free(p, bytes);
    else free(p);
}

Object* gc_alloc(size_t size, TypeObject* type, Kind kind) {
    Object* o;
    if (pooled(size)) {
        size_t size_class = class_of(size);
        o = static_cast<Object*>(pool_take(size_class));
        if (!o) return nullptr;
        zero_block(o, size_class);
        o->gc_size_class = static_cast<uint8_t>(size_class);
    } else {
        o = static_cast<Object*>(calloc(1, size));
        if (!o) return nullptr;
    }
    o->type = type;
    o->kind = kind;
    o->gc_next = gc.all;
    gc.all = o;
    gc_account(size);
    return o;
}

void gc_make_permanent(Object* o) {
    if (!o->gc_permanent) {
        o->gc_permanent = 1;
        // Only permanent objects that can refer to others need tracing at every collection.
        if (o->kind != Kind::Str && o->kind != Kind::Bytes && o->kind != Kind::BigInt) g_permanent.push_back(o);
    }
}

void gc_finalize(Object* o) {
    switch (o->kind) {
        case Kind::Instance: {
            auto* in = static_cast<InstanceObject*>(o);
            gc_buffer_free(in->slots, in->capacity * sizeof(Value));
            break;
        }
        case Kind::BigInt: static_cast<BigIntObject*>(o)->~BigIntObject(); break;
        case Kind::List: {
            auto* l = static_cast<ListObject*>(o);
            gc_buffer_free(l->items, l->capacity * sizeof(Value));
            break;
        }
        case Kind::Dict: ht_free(&static_cast<DictObject*>(o)->table); break;
        case Kind::Set: ht_free(&static_cast<SetObject*>(o)->table); break;
        case Kind::Code:
            tier2_code_freed(static_cast<CodeObject*>(o));
            static_cast<CodeObject*>(o)->~CodeObject();
            break;
        case Kind::Generator: free(static_cast<GeneratorObject*>(o)->saved); break;
        case Kind::Exception: {
            auto* e = static_cast<ExceptionObject*>(o);
            gc_buffer_free(e->slots, e->capacity * sizeof(Value));
            delete e->trace;
            break;
        }
        case Kind::File: {
            auto* f = static_cast<FileObject*>(o);
            if (f->fp && f->owns) fclose(static_cast<FILE*>(f->fp));
            break;
        }
        case Kind::Type: delete static_cast<TypeObject*>(o)->subclasses; break;
        default: break;
    }
}

void gc_collect() {
    gc.pending = false;
    gc.collections++;
    mark_roots();
    while (!g_mark_stack.empty()) {
        Object* o = g_mark_stack.back();
        g_mark_stack.pop_back();
        trace(o);
    }
    size_t live = 0;
    Object** link = &gc.all;
    while (Object* o = *link) {
        if (o->gc_permanent) {
            // Permanent objects leave the sweep list for good; g_permanent keeps those with children.
            o->gc_mark = 0;
            *link = o->gc_next;
        } else if (o->gc_mark) {
            o->gc_mark = 0;
            live++;
            link = &o->gc_next;
        } else {
            *link = o->gc_next;
            gc_finalize(o);
            release(o);
        }
    }
    for (Object* o : g_permanent) o->gc_mark = 0;
    gc.live_after_last = live;
    gc.allocated_since = 0;
    // Collect again after allocating about as much as is live now (at least kMinGcThreshold): amortized linear
    // cost, and a young program's garbage is reused from the pools while it is still in the caches.
    size_t live_bytes_estimate = live * 64;
    gc.threshold = live_bytes_estimate > kMinGcThreshold ? live_bytes_estimate : kMinGcThreshold;
}

}  // namespace krait
