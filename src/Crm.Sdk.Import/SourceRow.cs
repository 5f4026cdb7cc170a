namespace Crm.Sdk.Import;

/// <summary>One row of a source file: its line and its values by column.</summary>
internal sealed class SourceRow(long line, IReadOnlyDictionary<string, int> ordinals, string?[] values)
{
    public long Line { get; } = line;

    public IReadOnlyList<string?> Values => values;

    public bool HasColumn(string column) => ordinals.ContainsKey(column);

    public string? Get(string column) => ordinals.TryGetValue(column, out var i) && i < values.Length ? values[i] : null;
}
