using System.CommandLine;
using System.Globalization;
using Crm.Sdk.Duplicates;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary>
/// <c>crm duplicates [--threshold 0..1]</c>: scans every customer in the actor's scope for duplicates
/// (<see cref="IDuplicateService.FindDuplicatesAsync"/>) and lists the pairs with their score and explanation, highest
/// score first. Nothing is written; <c>crm merge</c> merges a pair.
/// </summary>
internal static class DuplicatesCommand
{
    /// <summary>A pair as <c>--json</c> writes it.</summary>
    internal sealed record PairView(Guid First, Guid Second, double Score, string Explanation, IReadOnlyList<FieldView> Fields);

    /// <summary>One field's comparison.</summary>
    internal sealed record FieldView(string Field, double Similarity, double Weight, string Explanation);

    public static Command Create(CommandRunner runner)
    {
        var threshold = new Option<double?>("--threshold", "-t") { Description = $"The score from which a pair is listed, 0 to 1 (default: the host's, {DuplicateDetectionOptions.DefaultThreshold.ToString(CultureInfo.InvariantCulture)})." };
        var command = new Command("duplicates", "List pairs of customers that look like the same person or company, with a score and why.") { threshold };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var value = context.Parse.GetValue(threshold);
            if (value is < 0 or > 1 || value is double.NaN)
            {
                throw new CliException(ExitCodes.BadArguments, "--threshold must be between 0 and 1.");
            }

            var pairs = new List<PairView>();
            async Task ScanAsync(IProgress<DuplicateScanProgress>? progress)
            {
                await foreach (var pair in context.Crm.Duplicates.FindDuplicatesAsync(value, null, progress, cancellationToken).ConfigureAwait(false))
                {
                    pairs.Add(new PairView(pair.First.Value, pair.Second.Value, pair.Score, pair.Explanation, [.. pair.Fields.Select(f => new FieldView(f.Field, f.Similarity, f.Weight, f.Explanation))]));
                }
            }

            if (context.IsJson)
            {
                await ScanAsync(null).ConfigureAwait(false);
            }
            else
            {
                await context.ErrorConsole.Status().StartAsync("Scanning customers…", status => ScanAsync(new Progress<DuplicateScanProgress>(p =>
                    status.Status(string.Create(CultureInfo.InvariantCulture, $"Scanning: {p.CustomersExamined:N0} customers, {p.CandidatesCompared:N0} candidates compared, {p.PairsFound:N0} pairs"))))).ConfigureAwait(false);
            }

            pairs.Sort((a, b) => b.Score.CompareTo(a.Score));
            if (context.IsJson)
            {
                context.WriteJson(pairs);
                return ExitCodes.Success;
            }

            if (pairs.Count == 0)
            {
                context.Console.MarkupLine("[green]No duplicates found.[/]");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("First", "Second", "Score", "Why");
            foreach (var pair in pairs)
            {
                table.AddRow(pair.First.ToString(), pair.Second.ToString(), pair.Score.ToString("0.000", CultureInfo.InvariantCulture), Markup.Escape(pair.Explanation));
            }

            context.Console.Write(table);
            context.Console.MarkupLine($"{pairs.Count.ToString(CultureInfo.InvariantCulture)} pair(s). Merge one with [bold]crm merge <survivor-id> <duplicate-id>[/].");
            return ExitCodes.Success;
        });
        return command;
    }
}
