using System.Collections.Concurrent;
using Xunit.Sdk;

namespace Crm.Sdk.Tests;

/// <summary>
/// Counts the cases of a property by outcome, so that a property over valid and invalid inputs proves it exercised
/// accepted inputs, not only rejections (a property that only ever saw rejections passes vacuously).
/// </summary>
/// <remarks>
/// FsCheck.Xunit runs every case of one <c>[Property]</c> on one instance of the test class and disposes that instance
/// inside the test, after the last case: a test class holds one <see cref="CaseCounts"/>, each case calls
/// <see cref="Count"/>, and <c>Dispose</c> calls <see cref="Verify"/>, which fails the property when an outcome it requires
/// was seen too rarely. A <c>[Fact]</c> of the same class counts nothing and is not checked.
/// </remarks>
internal sealed class CaseCounts
{
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _minimums = new(StringComparer.Ordinal);

    /// <summary>How many cases were counted under <paramref name="outcome"/>.</summary>
    public int this[string outcome] => _counts.GetValueOrDefault(outcome);

    /// <summary>Requires at least <paramref name="minimum"/> cases with <paramref name="outcome"/> by the end of the property (idempotent).</summary>
    public CaseCounts Require(string outcome, int minimum)
    {
        _minimums[outcome] = minimum;
        return this;
    }

    /// <summary>Counts one case with <paramref name="outcome"/>.</summary>
    public void Count(string outcome) => _counts.AddOrUpdate(outcome, 1, (_, n) => n + 1);

    /// <summary>Counts one case as <c>accepted</c> or <c>rejected</c> and returns <paramref name="accepted"/>.</summary>
    public bool Count(bool accepted)
    {
        Count(accepted ? "accepted" : "rejected");
        return accepted;
    }

    /// <summary>Fails when a required outcome was counted fewer times than required; does nothing when no case ran.</summary>
    public void Verify()
    {
        if (_counts.IsEmpty && _minimums.IsEmpty)
        {
            return;
        }

        var missing = _minimums.Where(m => this[m.Key] < m.Value).Select(m => $"'{m.Key}' {this[m.Key]} times (at least {m.Value} required)").ToArray();
        if (missing.Length > 0)
        {
            var seen = string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key}: {c.Value}"));
            throw new XunitException($"The property's inputs were too one-sided: {string.Join("; ", missing)}. Seen: {seen}.");
        }
    }
}
