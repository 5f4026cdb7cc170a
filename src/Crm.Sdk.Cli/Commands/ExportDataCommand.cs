using System.CommandLine;
using Crm.Sdk.Import;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary>
/// <c>crm export &lt;kind&gt; --map &lt;map.json&gt; [--output file]</c>: writes every customer, interaction or deal
/// through <see cref="CrmExporter"/> with a mapping file (the file that import reads, in reverse), to a file or to standard
/// output. With <c>--output</c>, a summary is printed (as JSON with <c>--json</c>); a denied or failed export leaves no
/// file behind.
/// </summary>
internal static class ExportDataCommand
{
    public static IEnumerable<Command> Create(CommandRunner runner)
    {
        foreach (var kind in new[] { ImportKind.Customers, ImportKind.Interactions, ImportKind.Deals })
        {
            yield return Create(runner, kind);
        }
    }

    private static Command Create(CommandRunner runner, ImportKind kind)
    {
        var name = ImportCommand.Name(kind);
        var map = new Option<FileInfo>("--map", "-m") { Description = $"The mapping file (JSON) whose \"kind\" is \"{name}\": which CRM field goes to which column.", Required = true };
        var output = new Option<FileInfo?>("--output", "-o") { Description = "The file to write (standard output when omitted)." };
        var command = new Command(name, $"Export every {name[..^1]} the actor may export, through a mapping file, as CSV or JSON Lines.") { map, output };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var mapping = ImportCommand.LoadMap(context.Parse.GetRequiredValue(map), kind);
            var exporter = new CrmExporter(context.Crm);
            var file = context.Parse.GetValue(output);
            if (file is null)
            {
                var stdout = new TextWriterStream(context.Output);
                await using (stdout.ConfigureAwait(false))
                {
                    await exporter.ExportAsync(mapping, stdout, cancellationToken).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            var rows = await OutputFile.WriteAsync(file, path => exporter.ExportAsync(mapping, path, cancellationToken)).ConfigureAwait(false);
            if (context.IsJson)
            {
                context.WriteJson(new { kind = name, file = file.FullName, rows });
            }
            else
            {
                context.Console.MarkupLine($"Exported {rows:N0} {Markup.Escape(name)} rows to {Markup.Escape(file.FullName)}.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
