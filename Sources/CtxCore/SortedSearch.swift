extension RandomAccessCollection where Element: Comparable, Index == Int {
    /// The index of `value` in this collection, which must be sorted in increasing order, found
    /// by binary search (the first of equal values); nil when it is not there. Inlinable, so that
    /// callers in other modules get a specialised copy rather than generic witness calls.
    @inlinable
    public func sortedIndex(of value: Element) -> Int? {
        var (low, high) = (startIndex, endIndex)
        while low < high {
            let mid = low + (high - low) / 2
            if self[mid] < value { low = mid + 1 } else { high = mid }
        }
        return low < endIndex && self[low] == value ? low : nil
    }
}
