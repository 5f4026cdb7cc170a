using System.Text;

namespace Crm.Sdk.Samples.QuickStart;

/// <summary>A plain-text table for the terminal: a header row, a rule, and left- or right-aligned columns.</summary>
internal sealed class TextTable(params string[] headers)
{
    private readonly List<string[]> _rows = [];
    private readonly HashSet<int> _rightAligned = [];

    public TextTable AlignRight(params int[] columns)
    {
        _rightAligned.UnionWith(columns);
        return this;
    }

    public TextTable Add(params string[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"Expected {headers.Length} cells, got {cells.Length}.", nameof(cells));
        }

        _rows.Add(cells);
        return this;
    }

    public override string ToString()
    {
        var widths = headers.Select((h, i) => _rows.Select(r => r[i].Length).Prepend(h.Length).Max()).ToArray();
        var text = new StringBuilder();
        AppendRow(text, headers, widths);
        AppendRow(text, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in _rows)
        {
            AppendRow(text, row, widths);
        }

        return text.ToString();
    }

    private void AppendRow(StringBuilder text, string[] cells, int[] widths)
    {
        var line = string.Join("  ", cells.Select((cell, i) => _rightAligned.Contains(i) ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i])));
        text.Append("  ").Append(line.TrimEnd()).Append('\n');
    }
}
