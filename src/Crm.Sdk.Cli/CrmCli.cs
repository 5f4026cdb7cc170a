using System.CommandLine;
using Crm.Sdk.Cli.Commands;

namespace Crm.Sdk.Cli;

/// <summary>
/// The <c>crm</c> tool's command tree. One file per command under Commands/, each adding itself to its group here; a new
/// command (such as <c>crm export &lt;kind&gt;</c>) is a new file there and one line below. <see cref="RunAsync"/> is what <c>Program</c> calls, and what the tests call in
/// process with their own writers and environment.
/// </summary>
internal static class CrmCli
{
    /// <summary>Parses and runs a command line.</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="output">Standard output.</param>
    /// <param name="error">Standard error.</param>
    /// <param name="environment">Reads environment variables (the store and keys may come from them).</param>
    /// <param name="cancellationToken">Cancels the command (Ctrl+C).</param>
    /// <returns>The exit code (<see cref="ExitCodes"/>).</returns>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, Func<string, string?> environment, CancellationToken cancellationToken = default)
    {
        var root = Build(environment);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var problem in parse.Errors)
            {
                await error.WriteLineAsync($"crm: {problem.Message}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run 'crm --help' (or 'crm <command> --help') for the commands and options.").ConfigureAwait(false);
            return ExitCodes.BadArguments;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Builds the command tree.</summary>
    /// <param name="environment">Reads environment variables.</param>
    /// <returns>The root command.</returns>
    public static RootCommand Build(Func<string, string?> environment)
    {
        var options = new GlobalOptions();
        var runner = new CommandRunner(options, environment);
        var root = new RootCommand(
            "crm: work with a Crm.Sdk store (a SQLite file or PostgreSQL) from the command line. " +
            "Acts as the system actor unless --as and --role are given. " + ExitCodes.HelpText);
        options.AddTo(root);

        var customers = new Command("customers", "Find customers, show one, show its timeline.")
        {
            CustomersFindCommand.Create(runner),
            CustomersShowCommand.Create(runner),
            CustomersTimelineCommand.Create(runner),
        };
        var export = new Command("export", "Export data out of the CRM: one customer's subject access export, or every customer, interaction or deal through a mapping file.")
        {
            ExportSubjectCommand.Create(runner),
        };
        foreach (var command in ExportDataCommand.Create(runner))
        {
            export.Subcommands.Add(command);
        }

        root.Subcommands.Add(customers);
        root.Subcommands.Add(export);
        root.Subcommands.Add(ImportCommand.Create(runner));
        root.Subcommands.Add(DuplicatesCommand.Create(runner));
        root.Subcommands.Add(MergeCommand.Create(runner));
        root.Subcommands.Add(UnmergeCommand.Create(runner));
        return root;
    }
}
