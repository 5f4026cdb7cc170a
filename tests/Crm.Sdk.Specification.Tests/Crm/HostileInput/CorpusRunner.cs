using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>
/// Runs cases one after the other against one host: snapshot, call, snapshot, judge. The snapshot after a case is the
/// snapshot before the next one, unless the next one arranges something first.
/// </summary>
/// <param name="host">The host.</param>
/// <param name="tally">Where outcomes are counted.</param>
internal sealed class CorpusRunner(CorpusHost host, CorpusTally tally)
{
    private StoreSnapshot? _before;

    /// <summary>Time spent exporting snapshots.</summary>
    public TimeSpan SnapshotTime { get; private set; }

    /// <summary>Time spent in arrangements, calls and read-backs.</summary>
    public TimeSpan CallTime { get; private set; }

    private async Task<StoreSnapshot> SnapshotAsync()
    {
        var started = Stopwatch.GetTimestamp();
        var snapshot = await host.SnapshotAsync();
        SnapshotTime += Stopwatch.GetElapsedTime(started);
        return snapshot;
    }

    /// <summary>Whether <paramref name="exception"/> is in the typed family: a <see cref="CrmException"/> or a documented argument exception.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether it is typed.</returns>
    public static bool IsTyped(Exception exception) =>
        exception is CrmException or OperationCanceledException
        || exception.GetType() == typeof(ArgumentNullException)
        || exception.GetType() == typeof(InvalidOperationException);

    /// <summary>A short description of an exception for reports: type, the validation errors, the start of the message.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>The text.</returns>
    public static string Describe(Exception exception)
    {
        var text = new StringBuilder(exception.GetType().Name);
        switch (exception)
        {
            case CrmValidationException validation:
                text.Append(" [").AppendJoin(", ", validation.Errors.Take(6).Select(e => $"{Shorten(e.Field, 60)}: {e.Rule}")).Append(validation.Errors.Count > 6 ? ", …]" : "]");
                break;
            case DomainRuleException rule:
                text.Append(CultureInfo.InvariantCulture, $" [{rule.Rule}]");
                break;
            default:
                text.Append(": ").Append(Shorten(exception.Message, 200));
                if (exception.InnerException is { } inner)
                {
                    text.Append(CultureInfo.InvariantCulture, $" (inner {inner.GetType().Name}: {Shorten(inner.Message, 120)})");
                }

                break;
        }

        return text.ToString();
    }

    /// <summary>Cuts a text to <paramref name="length"/> characters and makes control characters and lone surrogates visible.</summary>
    /// <param name="text">The text.</param>
    /// <param name="length">The most characters.</param>
    /// <returns>The shortened text.</returns>
    public static string Shorten(string? text, int length)
    {
        if (text is null)
        {
            return "null";
        }

        var cut = text.Length > length ? text[..length] + $"…({text.Length} chars)" : text;
        var visible = new StringBuilder(cut.Length);
        for (var i = 0; i < cut.Length; i++)
        {
            var c = cut[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < cut.Length && char.IsLowSurrogate(cut[i + 1]);
            if (pair)
            {
                visible.Append(c).Append(cut[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c))
            {
                visible.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                visible.Append(c);
            }
        }

        return visible.ToString();
    }

    /// <summary>Runs one case and counts its outcome.</summary>
    /// <param name="corpusCase">The case.</param>
    /// <returns>A task.</returns>
    public async Task RunAsync(CorpusCase corpusCase)
    {
        if (corpusCase.Arrange is { } arrange)
        {
            try
            {
                await arrange();
            }
            catch (Exception ex)
            {
                host.Clock.Clear();
                _before = null;
                tally.Add(corpusCase, IsTyped(ex) ? Outcome.TypedError : Outcome.Untyped, [new Violation(ViolationKind.ArrangeFailed, corpusCase, "arrange failed: " + Describe(ex))]);
                return;
            }

            _before = null;
        }

        var before = _before ?? await SnapshotAsync();
        object? result = null;
        Exception? error = null;
        var called = Stopwatch.GetTimestamp();
        try
        {
            result = await corpusCase.Act();
        }
        catch (Exception ex)
        {
            error = ex;
        }

        CallTime += Stopwatch.GetElapsedTime(called);

        host.Clock.Clear();

        // An accepted call is read back before the "after" snapshot, so the snapshot also covers the read-back (a read
        // that writes shows as a change of the case).
        string? problem = null;
        if (error is null && corpusCase.Verify is { } verify)
        {
            var verifying = Stopwatch.GetTimestamp();
            try
            {
                problem = await verify(result);
            }
            catch (Exception ex)
            {
                problem = "reading it back failed: " + Describe(ex);
            }

            CallTime += Stopwatch.GetElapsedTime(verifying);
        }

        var after = await SnapshotAsync();
        _before = after;
        var changed = !before.SameAs(after);
        var violations = new List<Violation>();
        Outcome outcome;
        if (error is not null)
        {
            outcome = IsTyped(error) ? Outcome.TypedError : Outcome.Untyped;
            if (outcome == Outcome.Untyped)
            {
                violations.Add(new Violation(ViolationKind.Untyped, corpusCase, "threw " + Describe(error)));
            }
            else if (!corpusCase.Expect.Allows(error))
            {
                violations.Add(new Violation(ViolationKind.ContractMismatch, corpusCase, "threw " + Describe(error)));
            }

            if (changed)
            {
                violations.Add(new Violation(ViolationKind.CommittedButFailed, corpusCase, $"threw {Describe(error)} after writing ({before.DescribeChange(after)})"));
            }
        }
        else
        {
            outcome = Outcome.Accepted;
            switch (corpusCase.Expect.Success)
            {
                case null:
                    violations.Add(new Violation(ViolationKind.ContractMismatch, corpusCase, changed ? $"accepted and wrote ({before.DescribeChange(after)})" : "accepted (wrote nothing)"));
                    break;
                case StoreEffect.None when changed:
                    violations.Add(new Violation(ViolationKind.SilentChange, corpusCase, $"returned normally but wrote ({before.DescribeChange(after)})"));
                    break;
                case StoreEffect.Writes when !changed:
                    violations.Add(new Violation(ViolationKind.ContractMismatch, corpusCase, "reported success but wrote nothing"));
                    break;
                default:
                    if (problem is not null)
                    {
                        violations.Add(new Violation(ViolationKind.ContractMismatch, corpusCase, "accepted, but " + problem));
                    }

                    break;
            }
        }

        tally.Add(corpusCase, outcome, violations);
    }
}
