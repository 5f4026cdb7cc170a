using System.CommandLine;
using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary><c>crm customers timeline &lt;id&gt; [--limit n]</c>: a customer's interactions, newest first.</summary>
internal static class CustomersTimelineCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<string>("customer-id") { Description = "The customer's id." };
        var limit = new Option<int>("--limit") { Description = "The most interactions shown (newest first).", DefaultValueFactory = _ => 50 };
        var command = new Command("timeline", "Show a customer's interactions, newest first.") { id, limit };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var size = context.Parse.GetValue(limit);
            if (size is < 1 or > PageRequest.MaxPageSize)
            {
                throw new CliException(ExitCodes.BadArguments, $"--limit must be between 1 and {PageRequest.MaxPageSize}.");
            }

            var customerId = context.IdOf<Customer>(id);

            // The customer first: an unknown id is "not found", not an empty timeline.
            await context.Crm.Customers.GetAsync(customerId, cancellationToken).ConfigureAwait(false);
            var page = await context.Crm.Interactions.ListAsync(InteractionFilter.ForCustomer(customerId), new PageRequest(size), cancellationToken).ConfigureAwait(false);
            var entries = page.Items.Select(Views.Entry).ToList();
            if (context.IsJson)
            {
                context.WriteJson(new { customerId = customerId.Value, entries, more = page.ContinuationToken is not null });
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("When", "Kind", "Channel", "Direction", "Subject", "Amount");
            foreach (var entry in entries)
            {
                table.AddRow(
                    entry.OccurredAt,
                    entry.Kind,
                    entry.Channel,
                    entry.Direction,
                    Markup.Escape(entry.Erased ? "(erased)" : entry.Subject ?? ""),
                    entry.Amount is { } amount ? $"{amount.ToString(System.Globalization.CultureInfo.InvariantCulture)} {entry.Currency}" : "");
            }

            context.Console.Write(table);
            if (page.ContinuationToken is not null)
            {
                context.Console.MarkupLine($"[grey]Showing the newest {size}; more with --limit.[/]");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
