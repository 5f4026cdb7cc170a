using Crm.Sdk.Customers;
using Crm.Sdk.Interactions;
using NodaTime;
using NodaTime.Text;

namespace Crm.Sdk.Cli;

/// <summary>The shapes <c>--json</c> writes (camel-cased; times in ISO 8601 UTC). Listed in docs/articles/cli.md.</summary>
internal static class Views
{
    /// <summary>A customer in a list.</summary>
    public sealed record CustomerSummary(Guid Id, string DisplayName, string Kind, string? PrimaryEmail, string? Phone, string LifecycleStage, string? OwnerId, bool Erased);

    /// <summary>One customer in full (<c>crm customers show</c>).</summary>
    public sealed record CustomerDetail(
        Guid Id,
        long Version,
        string DisplayName,
        string Kind,
        string? CompanyName,
        IReadOnlyList<string> Emails,
        IReadOnlyList<string> Phones,
        IReadOnlyList<string> Tags,
        string LifecycleStage,
        string? OwnerId,
        IReadOnlyDictionary<string, string> ExternalIds,
        IReadOnlyDictionary<string, string> Consents,
        string CreatedAt,
        string UpdatedAt,
        bool Erased);

    /// <summary>One entry of a timeline.</summary>
    public sealed record TimelineEntry(Guid Id, string OccurredAt, string Kind, string Channel, string Direction, string? Subject, decimal? Amount, string? Currency, bool Erased);

    public static CustomerSummary Summary(Customer customer) => new(
        customer.Id.Value,
        customer.DisplayName,
        Name(customer.Kind),
        customer.Emails.FirstOrDefault(e => e.IsPrimary)?.Address.Value ?? (customer.Emails.Count > 0 ? customer.Emails[0].Address.Value : null),
        customer.Phones.Count > 0 ? customer.Phones[0].Number.E164 : null,
        Name(customer.LifecycleStage),
        customer.OwnerId,
        customer.IsErased);

    public static CustomerDetail Detail(Customer customer) => new(
        customer.Id.Value,
        customer.Version,
        customer.DisplayName,
        Name(customer.Kind),
        customer.CompanyName,
        [.. customer.Emails.Select(e => e.Address.Value)],
        [.. customer.Phones.Select(p => p.Number.E164)],
        [.. customer.Tags.Order(StringComparer.Ordinal)],
        Name(customer.LifecycleStage),
        customer.OwnerId,
        customer.ExternalIds.ToDictionary(e => e.Source, e => e.Value, StringComparer.Ordinal),
        customer.Consents.ToDictionary(c => Name(c.Key), c => Name(c.Value.Status), StringComparer.Ordinal),
        Format(customer.CreatedAt),
        Format(customer.UpdatedAt),
        customer.IsErased);

    public static TimelineEntry Entry(Interaction interaction) => new(
        interaction.Id.Value,
        Format(interaction.OccurredAt),
        Name(interaction.Kind),
        Name(interaction.Channel),
        Name(interaction.Direction),
        interaction.Subject,
        interaction.Transaction?.Amount.Amount,
        interaction.Transaction?.Amount.Currency,
        interaction.IsErased);

    public static string Format(Instant instant) => InstantPattern.ExtendedIso.Format(instant);

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
}
