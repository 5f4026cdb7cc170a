using System.CommandLine;
using Crm.Sdk.Customers;
using Spectre.Console;

namespace Crm.Sdk.Cli.Commands;

/// <summary>
/// <c>crm customers find &lt;email|phone|name&gt;</c>: finds customers by email (the text has an <c>@</c>), phone (digits,
/// spaces, <c>+ - ( ) .</c> only) or name prefix (anything else); <c>--by</c> says which when the guess is wrong.
/// </summary>
internal static class CustomersFindCommand
{
    public static Command Create(CommandRunner runner)
    {
        var text = new Argument<string>("text") { Description = "An email address, a phone number or the start of a name." };
        var by = new Option<string?>("--by") { Description = "What the text is: email, phone or name (guessed when omitted)." };
        by.AcceptOnlyFromAmong("email", "phone", "name");
        var limit = new Option<int>("--limit") { Description = "The most customers listed for a name.", DefaultValueFactory = _ => 20 };
        var command = new Command("find", "Find customers by email, phone or name prefix.") { text, by, limit };
        runner.SetHandler(command, async (context, cancellationToken) =>
        {
            var value = context.Parse.GetRequiredValue(text);
            var size = context.Parse.GetValue(limit);
            if (size is < 1 or > PageRequest.MaxPageSize)
            {
                throw new CliException(ExitCodes.BadArguments, $"--limit must be between 1 and {PageRequest.MaxPageSize}.");
            }

            var customers = (context.Parse.GetValue(by) ?? Guess(value)) switch
            {
                "email" => await context.Crm.Customers.FindByEmailAsync(value, cancellationToken).ConfigureAwait(false),
                "phone" => await context.Crm.Customers.FindByPhoneAsync(value, cancellationToken).ConfigureAwait(false),
                _ => (await context.Crm.Customers.ListAsync(new CustomerFilter { NamePrefix = value }, new PageRequest(size), cancellationToken).ConfigureAwait(false)).Items,
            };

            var views = customers.Select(Views.Summary).ToList();
            if (context.IsJson)
            {
                context.WriteJson(views);
                return ExitCodes.Success;
            }

            if (views.Count == 0)
            {
                context.Console.MarkupLine("[yellow]No customer found.[/]");
                return ExitCodes.Success;
            }

            var table = new Table().AddColumns("Id", "Name", "Kind", "Email", "Phone", "Stage", "Owner");
            foreach (var view in views)
            {
                table.AddRow(Markup.Escape(view.Id.ToString()), Markup.Escape(view.Erased ? "(erased)" : view.DisplayName), view.Kind, Markup.Escape(view.PrimaryEmail ?? ""), Markup.Escape(view.Phone ?? ""), view.LifecycleStage, Markup.Escape(view.OwnerId ?? ""));
            }

            context.Console.Write(table);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Email when the text has an @; phone when it is digits and phone punctuation with at least five digits; else a name.</summary>
    internal static string Guess(string text) =>
        text.Contains('@', StringComparison.Ordinal) ? "email"
        : text.Count(char.IsAsciiDigit) >= 5 && text.All(c => char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.') ? "phone"
        : "name";
}
