# richards: Martin Richards' operating-system simulation (task scheduler, packet queues), written afresh
# for Krait: classes with a handler method per task kind, attribute-heavy, many small method calls.
import sys

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = 1, 2, 3, 4, 5, 6
KIND_DEVICE, KIND_WORK = 0, 1
BUFFER_SIZE = 4


class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.count = 0
        self.data = [0] * BUFFER_SIZE

    def append_to(self, queue):
        # Put this packet at the end of `queue` and return the queue's head.
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue


class Scheduler:
    def __init__(self):
        self.tasks = [None] * 7
        self.task_list = None
        self.hold_count = 0
        self.queue_count = 0

    def run(self):
        t = self.task_list
        while t is not None:
            if t.holding or (t.waiting and not t.pending):
                t = t.next
            else:
                t = t.step()


class Task:
    def __init__(self, sched, ident, priority, queue, pending, waiting):
        self.sched = sched
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.pending = pending      # a packet is waiting in self.queue
        self.waiting = waiting      # the task waits for a packet
        self.holding = False        # the task is held until released
        self.next = sched.task_list
        sched.task_list = self
        sched.tasks[ident] = self

    def step(self):
        packet = None
        if self.pending and self.waiting and not self.holding:
            packet = self.queue
            self.queue = packet.link
            self.waiting = False
            self.pending = self.queue is not None
        return self.handle(packet)

    def receive(self, packet, sender):
        if self.queue is None:
            self.queue = packet
            self.pending = True
            if self.priority > sender.priority:
                return self
        else:
            packet.append_to(self.queue)
        return sender

    def wait(self):
        self.waiting = True
        return self

    def hold(self):
        self.sched.hold_count += 1
        self.holding = True
        return self.next

    def release(self, ident):
        t = self.sched.tasks[ident]
        t.holding = False
        return t if t.priority > self.priority else self

    def send(self, packet):
        target = self.sched.tasks[packet.owner]
        self.sched.queue_count += 1
        packet.link = None
        packet.owner = self.ident
        return target.receive(packet, self)


class IdleTask(Task):
    def __init__(self, sched, count):
        Task.__init__(self, sched, IDLE, 0, None, False, False)
        self.control = 1
        self.count = count

    def handle(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.hold()
        if self.control & 1 == 0:
            self.control >>= 1
            return self.release(DEVICE_A)
        self.control = (self.control >> 1) ^ 0xD008
        return self.release(DEVICE_B)


class WorkerTask(Task):
    def __init__(self, sched, queue):
        Task.__init__(self, sched, WORKER, 1000, queue, True, True)
        self.destination = HANDLER_A
        self.letter = 0

    def handle(self, packet):
        if packet is None:
            return self.wait()
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.owner = self.destination
        packet.count = 0
        data = packet.data
        for i in range(BUFFER_SIZE):
            self.letter += 1
            if self.letter > 26:
                self.letter = 1
            data[i] = self.letter
        return self.send(packet)


class HandlerTask(Task):
    def __init__(self, sched, ident, priority, queue):
        Task.__init__(self, sched, ident, priority, queue, True, True)
        self.work = None
        self.devices = None

    def handle(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        work = self.work
        if work is None:
            return self.wait()
        n = work.count
        if n >= BUFFER_SIZE:
            self.work = work.link
            return self.send(work)
        device = self.devices
        if device is None:
            return self.wait()
        self.devices = device.link
        device.count = work.data[n]
        work.count = n + 1
        return self.send(device)


class DeviceTask(Task):
    def __init__(self, sched, ident, priority):
        Task.__init__(self, sched, ident, priority, None, False, True)
        self.pending_packet = None

    def handle(self, packet):
        if packet is None:
            packet = self.pending_packet
            if packet is None:
                return self.wait()
            self.pending_packet = None
            return self.send(packet)
        self.pending_packet = packet
        return self.hold()


def packets(count, owner, kind):
    queue = None
    for _ in range(count):
        queue = Packet(queue, owner, kind)
    return queue


def run_once():
    s = Scheduler()
    IdleTask(s, 10000)
    WorkerTask(s, packets(2, 0, KIND_WORK))
    HandlerTask(s, HANDLER_A, 2000, packets(3, DEVICE_A, KIND_DEVICE))
    HandlerTask(s, HANDLER_B, 3000, packets(3, DEVICE_B, KIND_DEVICE))
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.run()
    return s.hold_count, s.queue_count


def main(iterations):
    holds = queued = 0
    for _ in range(iterations):
        h, q = run_once()
        if (h, q) != (9297, 23246):
            print("wrong result: hold_count %d queue_count %d" % (h, q))
            sys.exit(1)
        holds += h
        queued += q
    print("%d iterations: hold_count %d queue_count %d" % (iterations, holds, queued))


main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
