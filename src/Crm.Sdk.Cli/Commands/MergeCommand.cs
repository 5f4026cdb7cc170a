using System.CommandLine;
using Crm.Sdk.Customers;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary>
/// <c>crm merge &lt;survivor-id&gt; &lt;duplicate-id&gt; [--dry-run]</c>: merges the duplicate into the survivor
/// (<see cref="Duplicates.IDuplicateService.MergeAsync"/>) and prints the merge id that <c>crm unmerge</c> takes; with
/// <c>--dry-run</c>, prints what the merge would do (<see cref="Duplicates.IDuplicateService.PreviewMergeAsync"/>) and
/// writes nothing.
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CommandRunner runner)
    {
        var survivor = new Argument<string>("survivor-id") { Description = "The customer that stays." };
        var duplicate = new Argument<string>("duplicate-id") { Description = "The customer merged into it (deleted; its interactions, deals and tickets move to the survivor)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the survivor as the merge would save it and what would move; write nothing." };
        var command = new Command("merge", "Merge a duplicate customer into a survivor; undo with 'crm unmerge <merge-id>'.") { survivor, duplicate, dryRun };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var survivorId = context.IdOf<Customer>(survivor);
            var duplicateId = context.IdOf<Customer>(duplicate);
            var isDryRun = context.Parse.GetValue(dryRun);
            (Guid? MergeId, Customer Survivor, long Interactions, long Deals, long Tickets) outcome;
            if (isDryRun)
            {
                var preview = await context.Crm.Duplicates.PreviewMergeAsync(survivorId, duplicateId, null, cancellationToken).ConfigureAwait(false);
                outcome = (null, preview.Survivor, preview.Interactions, preview.Deals, preview.Tickets);
            }
            else
            {
                var result = await context.Crm.Duplicates.MergeAsync(survivorId, duplicateId, null, cancellationToken).ConfigureAwait(false);
                outcome = (result.MergeId, result.Survivor, result.Interactions, result.Deals, result.Tickets);
            }

            var (mergeId, merged, interactions, deals, tickets) = outcome;
            if (context.IsJson)
            {
                context.WriteJson(new { dryRun = isDryRun, mergeId, survivor = Views.Summary(merged), duplicateId = duplicateId.Value, interactions, deals, tickets });
                return ExitCodes.Success;
            }

            var name = Markup.Escape(merged.IsErased ? "(erased)" : merged.DisplayName);
            if (mergeId is not { } id)
            {
                context.Console.MarkupLine(
                    $"Would merge [bold]{duplicateId.Value}[/] into [bold]{merged.Id.Value}[/] ({name}): {interactions} interactions, {deals} deals, {tickets} tickets would move. Nothing was written.");
                return ExitCodes.Success;
            }

            context.Console.MarkupLine($"Merged [bold]{duplicateId.Value}[/] into [bold]{merged.Id.Value}[/] ({name}): {interactions} interactions, {deals} deals, {tickets} tickets moved.");
            context.Console.MarkupLine($"Merge id [bold]{id}[/]; undo with [bold]crm unmerge {id}[/].");
            return ExitCodes.Success;
        });
        return command;
    }
}
