import CtxCore
import CtxView

/// The variable cells of each distinct mapping (`Context.mappingStamp`) in one drawing: a row per
/// mapping, every row in one flat array, so that 10,000 copies sharing a mapping cost one row and
/// 5,000 task contexts with their own values cost no allocation each.
struct MappingTable {
    /// Cells per row: one per variable, in the order of the drawing's variables.
    let width: Int
    private var rowOfStamp: [Int: Int] = [:]
    private var cells: [VariableCell] = []

    init(width: Int) { self.width = width }

    /// The row of `stamp`, if the table has one.
    func row(of stamp: Int) -> Int? { rowOfStamp[stamp] }

    /// The row of `stamp`, filled with `cell(column)` the first time the stamp is seen.
    mutating func row(for stamp: Int, cell: (Int) -> VariableCell) -> Int {
        if let row = rowOfStamp[stamp] { return row }
        let row = rowOfStamp.count
        rowOfStamp[stamp] = row
        for column in 0..<width { cells.append(cell(column)) }
        return row
    }

    /// The cells of a row.
    subscript(row: Int) -> ArraySlice<VariableCell> { cells[row * width..<(row + 1) * width] }
}

/// What the last drawing of the tree showed of each mapping: enough to mark what the command
/// since has changed.
struct ShownMappings {
    /// The cells of the mappings shown.
    var table = MappingTable(width: 0)
    /// The table's columns: variable addresses.
    var variables: [Int] = []

    /// For each of `variables` (now), its column in `table`, or nil for a variable that did not
    /// exist at the last drawing.
    func columns(of variables: [ContextVar]) -> [Int?] {
        let column = Dictionary(uniqueKeysWithValues: self.variables.enumerated().map { ($1, $0) })
        return variables.map { column[$0.address] }
    }

    /// Which of `now` differ from what the mapping stamped `before` showed; nil when none does or
    /// that mapping was not shown. A variable that is new since counts as changed where it has a
    /// value of its own. `columns` comes from `columns(of:)`.
    func changes(before: Int, now: ArraySlice<VariableCell>, columns: [Int?]) -> [Bool]? {
        guard let row = table.row(of: before) else { return nil }
        let old = table[row]
        var flags: [Bool]? = nil
        for (i, cell) in now.enumerated() {
            let changed: Bool
            if let column = columns[i] {
                let was = old[old.startIndex + column]
                changed = was.kind != cell.kind || was.value != cell.value
            } else {
                changed = cell.kind == .set
            }
            if changed {
                if flags == nil { flags = Array(repeating: false, count: now.count) }
                flags![i] = true
            }
        }
        return flags
    }
}
