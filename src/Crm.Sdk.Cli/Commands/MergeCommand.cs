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
            if (context.Parse.GetValue(dryRun))
            {
                var preview = await context.Crm.Duplicates.PreviewMergeAsync(survivorId, duplicateId, null, cancellationToken).ConfigureAwait(false);
                var planned = new
                {
                    dryRun = true,
                    survivor = Views.Summary(preview.Survivor),
                    duplicateId = preview.DuplicateId.Value,
                    interactions = preview.Interactions,
                    deals = preview.Deals,
                    tickets = preview.Tickets,
                };
                if (context.IsJson)
                {
                    context.WriteJson(planned);
                    return ExitCodes.Success;
                }

                context.Console.MarkupLine(
                    $"Would merge [bold]{preview.DuplicateId.Value}[/] into [bold]{preview.Survivor.Id.Value}[/] ({Markup.Escape(preview.Survivor.DisplayName)}): " +
                    $"{preview.Interactions} interactions, {preview.Deals} deals, {preview.Tickets} tickets would move. Nothing was written.");
                return ExitCodes.Success;
            }

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
