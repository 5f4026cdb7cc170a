using System.CommandLine;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary>
/// <c>crm unmerge &lt;merge-id&gt;</c>: undoes a merge (<see cref="Duplicates.IDuplicateService.UnmergeAsync"/>), restoring
/// both customers and every re-pointed record. A merge whose records changed since is exit code 8 (conflict); an unknown
/// or already undone merge is 3 (not found).
/// </summary>
internal static class UnmergeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var mergeId = new Argument<string>("merge-id") { Description = "The merge id 'crm merge' printed." };
        var command = new Command("unmerge", "Undo a merge: restore both customers and every record moved.") { mergeId };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var text = context.Parse.GetRequiredValue(mergeId);
            if (!Guid.TryParse(text, out var id) || id == Guid.Empty)
            {
                throw new CliException(ExitCodes.BadArguments, $"'{text}' is not a merge-id: a merge id is the GUID 'crm merge' printed.");
            }

            await context.Crm.Duplicates.UnmergeAsync(id, cancellationToken).ConfigureAwait(false);
            if (context.IsJson)
            {
                context.WriteJson(new { mergeId = id, undone = true });
            }
            else
            {
                context.Console.MarkupLine($"Merge [bold]{id}[/] undone: both customers and their records are as before.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
