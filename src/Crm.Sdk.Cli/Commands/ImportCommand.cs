using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Crm.Sdk.Import;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary>
/// <c>crm import &lt;kind&gt; &lt;file&gt; --map &lt;map.json&gt; [--dry-run] [--report file] [--checkpoint file] [--create-store]</c>: imports a
/// CSV or JSON Lines file through <see cref="CrmImporter"/> with a mapping file, showing live progress (rows/s, ETA) on
/// standard error and a summary table of the outcomes (with <c>--json</c>, the summary as JSON). A bad map file is exit
/// code 2 with the key and line at fault.
/// </summary>
internal static class ImportCommand
{
    public static Command Create(CommandRunner runner)
    {
        var kind = new Argument<string>("kind") { Description = "What the file holds: customers, interactions or deals (as the map file's \"kind\")." };
        kind.AcceptOnlyFromAmong("customers", "interactions", "deals");
        var file = new Argument<FileInfo>("file") { Description = "The CSV or JSON Lines file to import." };
        var map = new Option<FileInfo>("--map", "-m") { Description = "The mapping file (JSON): source columns to CRM fields, the record key, what to do on a match.", Required = true };
        var dryRun = new Option<bool>("--dry-run") { Description = "Decide and report every row, with the per-record diff, but write nothing." };
        var report = new Option<FileInfo?>("--report") { Description = "Write the per-row report (JSON Lines: line, outcome, errors, changes) to this file." };
        var checkpoint = new Option<FileInfo?>("--checkpoint") { Description = "A checkpoint file: written after each committed batch, read at start to resume an interrupted run, deleted when the import completes." };
        var createStore = new Option<bool>("--create-store") { Description = "Create the SQLite store file given with --store if it does not exist yet." };
        var command = new Command("import", "Import customers, interactions (purchases, refunds) or deals from a CSV or JSON Lines file with a mapping file.")
        {
            kind, file, map, dryRun, report, checkpoint, createStore,
        };
        runner.SetHandler(
            command,
            async (context, cancellationToken) =>
            {
                var (mapping, source, reportFile) = Check(context.Parse, kind, file, map, report);
                var options = new ImportOptions { DryRun = context.Parse.GetValue(dryRun), ReportPath = reportFile?.FullName, CheckpointPath = context.Parse.GetValue(checkpoint)?.FullName };
                var importer = new CrmImporter(context.Crm);
                var clock = Stopwatch.StartNew();
                var summary = context.IsJson
                    ? await importer.ImportAsync(mapping, source.FullName, options, null, cancellationToken).ConfigureAwait(false)
                    : await WithProgressAsync(context, importer, mapping, source, options, clock, cancellationToken).ConfigureAwait(false);
                var seconds = clock.Elapsed.TotalSeconds;
                var view = new
                {
                    file = source.FullName,
                    kind = Name(mapping.Kind),
                    dryRun = summary.DryRun,
                    rows = summary.Rows,
                    created = summary.Created,
                    updated = summary.Updated,
                    unchanged = summary.Unchanged,
                    skippedDuplicates = summary.SkippedDuplicates,
                    rejected = summary.Rejected,
                    merged = summary.Merged,
                    customersCreated = summary.CustomersCreated,
                    resumedRows = summary.ResumedRows,
                    report = reportFile?.FullName,
                    seconds = Math.Round(seconds, 2),
                };
                if (context.IsJson)
                {
                    context.WriteJson(view);
                    return ExitCodes.Success;
                }

                var table = new Table().AddColumns("Outcome", "Rows");
                table.Columns[1].RightAligned();
                void Row(string name, long count) => table.AddRow(name, count.ToString("N0", CultureInfo.InvariantCulture));
                Row("created", summary.Created);
                Row("updated", summary.Updated);
                Row("unchanged", summary.Unchanged);
                Row("skipped (duplicate in file)", summary.SkippedDuplicates);
                Row("merged", summary.Merged);
                Row("rejected", summary.Rejected);
                table.AddRow("[bold]rows[/]", $"[bold]{summary.Rows.ToString("N0", CultureInfo.InvariantCulture)}[/]");
                context.Console.Write(table);
                context.Console.MarkupLine(
                    $"{(summary.DryRun ? "[yellow]Dry run: nothing was written.[/] " : "")}{summary.CustomersCreated.ToString("N0", CultureInfo.InvariantCulture)} customers created along the way; " +
                    $"{seconds.ToString("N1", CultureInfo.InvariantCulture)} s ({(seconds > 0 ? summary.Rows / seconds : 0).ToString("N0", CultureInfo.InvariantCulture)} rows/s)." +
                    (reportFile is null ? "" : $" Report: {Markup.Escape(reportFile.FullName)}"));
                return ExitCodes.Success;
            },
            createStore,
            parse => Check(parse, kind, file, map, report));
        return command;
    }

    /// <summary>Loads the map file and checks the arguments, before the store is opened: bad input opens (or creates) no store.</summary>
    private static (ImportMapping Mapping, FileInfo Source, FileInfo? Report) Check(ParseResult parse, Argument<string> kind, Argument<FileInfo> file, Option<FileInfo> map, Option<FileInfo?> report)
    {
        var mapping = LoadMap(parse.GetRequiredValue(map), Enum.Parse<ImportKind>(parse.GetRequiredValue(kind), ignoreCase: true));
        var source = parse.GetRequiredValue(file);
        if (!source.Exists)
        {
            throw new CliException(ExitCodes.BadArguments, $"No file to import at '{source.FullName}'.");
        }

        var reportFile = parse.GetValue(report);
        if (reportFile is not null && !Directory.Exists(reportFile.DirectoryName))
        {
            throw new CliException(ExitCodes.OutputUnwritable, $"Cannot write the report '{reportFile.FullName}': its folder does not exist.");
        }

        return (mapping, source, reportFile);
    }

    private static async Task<ImportSummary> WithProgressAsync(CommandContext context, CrmImporter importer, ImportMapping mapping, FileInfo source, ImportOptions options, Stopwatch clock, CancellationToken cancellationToken) =>
        await context.ErrorConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("Importing", maxValue: Math.Max(1, source.Length));
                var reporter = new Progress<ImportProgress>(p =>
                {
                    var rate = clock.Elapsed.TotalSeconds > 0 ? p.RowsDone / clock.Elapsed.TotalSeconds : 0;
                    task.Value = Math.Min(p.BytesRead, task.MaxValue);
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"{p.RowsDone:N0} rows, {rate:N0} rows/s, {p.Rejected:N0} rejected");
                });
                var summary = await importer.ImportAsync(mapping, source.FullName, options, reporter, cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
                task.Description = string.Create(CultureInfo.InvariantCulture, $"{summary.Rows:N0} rows");
                return summary;
            }).ConfigureAwait(false);

    /// <summary>Reads a map file for <paramref name="expected"/> records; a missing file or another kind is exit code 2, and so is a bad map (<see cref="ImportMappingException"/>, naming the key and line, in <see cref="CommandRunner"/>).</summary>
    internal static ImportMapping LoadMap(FileInfo mapFile, ImportKind expected)
    {
        if (!mapFile.Exists)
        {
            throw new CliException(ExitCodes.BadArguments, $"No map file at '{mapFile.FullName}': check --map.");
        }

        var mapping = ImportMapping.Load(mapFile.FullName);
        return mapping.Kind == expected
            ? mapping
            : throw new CliException(ExitCodes.BadArguments, $"The map file '{mapFile.Name}' is for {Name(mapping.Kind)}, not {Name(expected)}: give the kind the map's \"kind\" key names.");
    }

    internal static string Name(ImportKind kind) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(kind.ToString());
}
