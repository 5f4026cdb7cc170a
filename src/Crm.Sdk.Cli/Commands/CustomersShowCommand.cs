using System.CommandLine;
using Crm.Sdk.Customers;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary><c>crm customers show &lt;id&gt;</c>: one customer's profile and its 360° summary.</summary>
internal static class CustomersShowCommand
{
    public static Command Create(CommandRunner runner)
    {
        var id = new Argument<string>("customer-id") { Description = "The customer's id." };
        var command = new Command("show", "Show one customer.") { id };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var summary = await context.Crm.Customers.GetSummaryAsync(context.IdOf<Customer>(id), cancellationToken).ConfigureAwait(false);
            var detail = Views.Detail(summary.Customer);
            var counts = summary.InteractionCounts.ToDictionary(c => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(c.Key.ToString()), c => c.Value, StringComparer.Ordinal);
            if (context.IsJson)
            {
                context.WriteJson(new
                {
                    customer = detail,
                    interactionCounts = counts,
                    lastInteractionAt = summary.LastInteractionAt is { } last ? Views.Format(last) : null,
                    openDeals = summary.OpenDeals,
                    openTickets = summary.OpenTickets,
                    totalPurchases = summary.TotalPurchases.Select(t => new { currency = t.Currency, amount = t.ToString() }),
                });
                return ExitCodes.Success;
            }

            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string? value) => grid.AddRow(new Text(name, new Style(decoration: Decoration.Bold)), new Text(value ?? ""));
            Row("Id", detail.Id.ToString());
            Row("Name", detail.Erased ? "(erased)" : detail.DisplayName);
            Row("Kind", detail.Kind);
            Row("Company", detail.CompanyName);
            Row("Emails", string.Join(", ", detail.Emails));
            Row("Phones", string.Join(", ", detail.Phones));
            Row("Tags", string.Join(", ", detail.Tags));
            Row("Stage", detail.LifecycleStage);
            Row("Owner", detail.OwnerId);
            Row("External ids", string.Join(", ", detail.ExternalIds.Select(e => $"{e.Key}:{e.Value}")));
            Row("Consents", string.Join(", ", detail.Consents.Select(c => $"{c.Key}={c.Value}")));
            Row("Interactions", string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
            Row("Open deals", summary.OpenDeals.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Row("Open tickets", summary.OpenTickets.ToString(System.Globalization.CultureInfo.InvariantCulture));
            Row("Created", detail.CreatedAt);
            Row("Updated", detail.UpdatedAt);
            context.Console.Write(grid);
            return ExitCodes.Success;
        });
        return command;
    }
}
