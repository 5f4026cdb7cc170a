using System.Globalization;
using System.Text;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>The ways a case can break the contract.</summary>
internal enum ViolationKind
{
    /// <summary>The call failed with an exception outside <see cref="CrmException"/> and the documented argument exceptions.</summary>
    Untyped,

    /// <summary>The call returned normally but wrote although it must write nothing (a read, a documented no-op).</summary>
    SilentChange,

    /// <summary>The call failed (with any exception) and the store changed: it committed and then reported a failure.</summary>
    CommittedButFailed,

    /// <summary>The outcome differs from the contract: accepted instead of rejected, another rule or field, another exception, a stored value that differs.</summary>
    ContractMismatch,

    /// <summary>The corpus could not prepare the case (its arrangement failed): a broken case, not an SDK verdict.</summary>
    ArrangeFailed,
}

/// <summary>One broken rule of one case.</summary>
/// <param name="Kind">Which rule.</param>
/// <param name="Case">The case.</param>
/// <param name="Detail">What happened instead.</param>
internal sealed record Violation(ViolationKind Kind, CorpusCase Case, string Detail);

/// <summary>Counts the corpus's cases per category and outcome, and keeps every violation for the report.</summary>
internal sealed class CorpusTally
{
    private readonly Dictionary<string, Counts> _categories = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Every violation, in the order the cases ran.</summary>
    public List<Violation> Violations { get; } = [];

    /// <summary>The totals over all categories.</summary>
    public Counts Total { get; } = new();

    /// <summary>The counts of one category.</summary>
    /// <param name="category">The category.</param>
    /// <returns>Its counts.</returns>
    public Counts this[string category]
    {
        get
        {
            if (!_categories.TryGetValue(category, out var counts))
            {
                counts = new Counts();
                _categories.Add(category, counts);
                _order.Add(category);
            }

            return counts;
        }
    }

    /// <summary>The categories, in the order they ran.</summary>
    public IReadOnlyList<string> Categories => _order;

    /// <summary>Counts one finished case.</summary>
    /// <param name="corpusCase">The case.</param>
    /// <param name="outcome">How the call ended.</param>
    /// <param name="violations">What it broke.</param>
    public void Add(CorpusCase corpusCase, Outcome outcome, IReadOnlyList<Violation> violations)
    {
        foreach (var counts in new[] { Total, this[corpusCase.Category] })
        {
            counts.Cases++;
            switch (outcome)
            {
                case Outcome.Accepted:
                    counts.Accepted++;
                    break;
                case Outcome.TypedError:
                    counts.TypedErrors++;
                    break;
                default:
                    counts.Untyped++;
                    break;
            }

            if (corpusCase.Expect.ExpectsSuccess)
            {
                counts.ContractAccepts++;
                if (outcome == Outcome.Accepted && violations.Count == 0)
                {
                    counts.AcceptedAsExpected++;
                }
            }

            counts.SilentChanges += violations.Count(v => v.Kind == ViolationKind.SilentChange);
            counts.CommittedButFailed += violations.Count(v => v.Kind == ViolationKind.CommittedButFailed);
            counts.ContractMismatches += violations.Count(v => v.Kind == ViolationKind.ContractMismatch);
            counts.ArrangeFailures += violations.Count(v => v.Kind == ViolationKind.ArrangeFailed);
        }

        Violations.AddRange(violations);
    }

    /// <summary>The one-line summary the corpus asserts.</summary>
    /// <param name="counts">The counts.</param>
    /// <returns>For example <c>1234 cases: typed errors 900, accepted 334, untyped 0, silent changes 0, committed-but-failed 0</c>.</returns>
    public static string Line(Counts counts) => string.Create(
        CultureInfo.InvariantCulture,
        $"{counts.Cases} cases: typed errors {counts.TypedErrors}, accepted {counts.Accepted}, untyped {counts.Untyped}, silent changes {counts.SilentChanges}, committed-but-failed {counts.CommittedButFailed}, contract mismatches {counts.ContractMismatches}, arrange failures {counts.ArrangeFailures}");

    /// <summary>The table of counts per category, and the totals.</summary>
    /// <returns>The text.</returns>
    public string Table()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"category",-22} {"cases",6} {"typed",6} {"accepted",8} {"(as contract)",13} {"untyped",7} {"silent",6} {"committed-but-failed",20} {"mismatches",10}");
        foreach (var category in _order.Append("TOTAL"))
        {
            var c = category == "TOTAL" ? Total : _categories[category];
            text.AppendLine(CultureInfo.InvariantCulture, $"{category,-22} {c.Cases,6} {c.TypedErrors,6} {c.Accepted,8} {$"{c.AcceptedAsExpected}/{c.ContractAccepts}",13} {c.Untyped,7} {c.SilentChanges,6} {c.CommittedButFailed,20} {c.ContractMismatches,10}");
        }

        return text.ToString();
    }

    /// <summary>Every violation, grouped by category and kind.</summary>
    /// <param name="limit">The most lines to write per group.</param>
    /// <returns>The text.</returns>
    public string ViolationReport(int limit = int.MaxValue)
    {
        var text = new StringBuilder();
        foreach (var group in Violations.GroupBy(v => (v.Case.Category, v.Kind)).OrderBy(g => _order.IndexOf(g.Key.Category)).ThenBy(g => g.Key.Kind))
        {
            var all = group.ToList();
            text.AppendLine(CultureInfo.InvariantCulture, $"== {group.Key.Category} / {group.Key.Kind}: {all.Count}");
            foreach (var violation in all.Take(limit))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  - {violation.Case.Name}: expected {violation.Case.Expect.Description}; {violation.Detail}");
            }

            if (all.Count > limit)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"  … and {all.Count - limit} more");
            }
        }

        return text.ToString();
    }

    /// <summary>Counts of one category (or of all).</summary>
    internal sealed class Counts
    {
        /// <summary>Cases run.</summary>
        public int Cases { get; set; }

        /// <summary>Cases whose call failed with a typed exception.</summary>
        public int TypedErrors { get; set; }

        /// <summary>Cases whose call returned normally.</summary>
        public int Accepted { get; set; }

        /// <summary>Cases whose call failed with an untyped exception.</summary>
        public int Untyped { get; set; }

        /// <summary>Accepted calls that wrote although they must not.</summary>
        public int SilentChanges { get; set; }

        /// <summary>Failed calls after which the store had changed.</summary>
        public int CommittedButFailed { get; set; }

        /// <summary>Outcomes the contract does not allow.</summary>
        public int ContractMismatches { get; set; }

        /// <summary>Cases the corpus could not prepare.</summary>
        public int ArrangeFailures { get; set; }

        /// <summary>Cases whose input the contract accepts.</summary>
        public int ContractAccepts { get; set; }

        /// <summary>Cases whose input the contract accepts and that were accepted without any violation.</summary>
        public int AcceptedAsExpected { get; set; }
    }
}

/// <summary>How a call ended.</summary>
internal enum Outcome
{
    /// <summary>It returned normally.</summary>
    Accepted,

    /// <summary>It failed with a typed exception.</summary>
    TypedError,

    /// <summary>It failed with another exception.</summary>
    Untyped,
}
