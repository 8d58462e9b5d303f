/// A binary min-heap of timer handles keyed only by `when`, with exactly the algorithm of Python's
/// `heapq` (`_siftdown`/`_siftup`), so equal deadlines pop in the same (not FIFO) order as CPython.
struct TimerHeap {
    private(set) var items: [Handle] = []

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    var first: Handle? { items.first }

    private func less(_ a: Handle, _ b: Handle) -> Bool { a.when! < b.when! }

    mutating func push(_ h: Handle) {
        items.append(h)
        siftDown(from: 0, items.count - 1)
    }

    mutating func pop() -> Handle {
        let last = items.removeLast()
        guard !items.isEmpty else { return last }
        let top = items[0]
        items[0] = last
        siftUp(0)
        return top
    }

    /// `heapq.heapify` of the given handles.
    mutating func rebuild(_ handles: [Handle]) {
        items = handles
        for i in stride(from: items.count / 2 - 1, through: 0, by: -1) { siftUp(i) }
    }

    private mutating func siftDown(from start: Int, _ position: Int) {
        var pos = position
        let newItem = items[pos]
        while pos > start {
            let parentPos = (pos - 1) >> 1
            let parent = items[parentPos]
            guard less(newItem, parent) else { break }
            items[pos] = parent
            pos = parentPos
        }
        items[pos] = newItem
    }

    private mutating func siftUp(_ position: Int) {
        var pos = position
        let end = items.count, start = pos, newItem = items[pos]
        var child = 2 * pos + 1
        while child < end {
            let right = child + 1
            if right < end && !less(items[child], items[right]) { child = right }
            items[pos] = items[child]
            pos = child
            child = 2 * pos + 1
        }
        items[pos] = newItem
        siftDown(from: start, pos)
    }
}
