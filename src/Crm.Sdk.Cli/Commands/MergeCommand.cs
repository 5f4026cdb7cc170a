using System.CommandLine;
using Crm.Sdk.Customers;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary>
/// <c>crm merge &lt;survivor-id&gt; &lt;duplicate-id&gt;</c>: merges the duplicate into the survivor
/// (<see cref="Duplicates.IDuplicateService.MergeAsync"/>) and prints the merge id that <c>crm unmerge</c> takes.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var survivor = new Argument<string>("survivor-id") { Description = "The customer that stays." };
        var duplicate = new Argument<string>("duplicate-id") { Description = "The customer merged into it (deleted; its interactions, deals and tickets move to the survivor)." };
        var command = new Command("merge", "Merge a duplicate customer into a survivor; undo with 'crm unmerge <merge-id>'.") { survivor, duplicate };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var survivorId = context.IdOf<Customer>(survivor);
            var duplicateId = context.IdOf<Customer>(duplicate);
            var result = await context.Crm.Duplicates.MergeAsync(survivorId, duplicateId, null, cancellationToken).ConfigureAwait(false);
            var view = new
            {
                mergeId = result.MergeId,
                survivor = Views.Summary(result.Survivor),
                duplicateId = result.DuplicateId.Value,
                interactions = result.Interactions,
                deals = result.Deals,
                tickets = result.Tickets,
            };
            if (context.IsJson)
            {
                context.WriteJson(view);
                return ExitCodes.Success;
            }

            context.Console.MarkupLine(
                $"Merged [bold]{result.DuplicateId.Value}[/] into [bold]{result.Survivor.Id.Value}[/] ({Markup.Escape(result.Survivor.IsErased ? "(erased)" : result.Survivor.DisplayName)}): " +
                $"{result.Interactions} interactions, {result.Deals} deals, {result.Tickets} tickets moved.");
            context.Console.MarkupLine($"Merge id [bold]{result.MergeId}[/]; undo with [bold]crm unmerge {result.MergeId}[/].");
            return ExitCodes.Success;
        });
        return command;
    }
}
