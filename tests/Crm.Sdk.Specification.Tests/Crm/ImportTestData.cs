using System.Globalization;

namespace Crm.Sdk.Specification.Tests.Crm;

/// <summary>The real data sets under tests/TestData, read independently of the importer (to check its totals).</summary>
public static class ImportTestData
{
    /// <summary>The path of a test data file.</summary>
    /// <param name="set">The data set folder (online-retail, maven-crm).</param>
    /// <param name="file">The file.</param>
    /// <returns>The path beside the test assembly.</returns>
    public static string PathOf(string set, string file) => Path.Combine(AppContext.BaseDirectory, "TestData", set, file);

    /// <summary>Splits one line of a simple CSV file (quotes honoured; no line breaks inside values in these files).</summary>
    /// <param name="line">The line.</param>
    /// <returns>The values.</returns>
    public static List<string> SplitCsv(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        var values = new List<string>();
        var current = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    current.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                values.Add(current.ToString());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        values.Add(current.ToString());
        return values;
    }

    /// <summary>Parses an invariant-culture decimal.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    public static decimal Number(string text) => decimal.Parse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture);
}
