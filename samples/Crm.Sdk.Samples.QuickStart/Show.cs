using System.Globalization;
using Crm.Sdk.Interactions;
using NodaTime;
using NodaTime.Text;

namespace Crm.Sdk.Samples.QuickStart;

/// <summary>Turns SDK values into short text for the terminal.</summary>
internal static class Show
{
    private static readonly InstantPattern TimePattern = InstantPattern.CreateWithInvariantCulture("uuuu-MM-dd HH:mm 'UTC'");

    public static void Heading(string title)
    {
        Console.WriteLine();
        Console.WriteLine(title);
        Console.WriteLine(new string('=', title.Length));
    }

    public static string Time(Instant? instant) => instant is { } i ? TimePattern.Format(i) : "-";

    public static string Amount(Money money) =>
        string.Create(CultureInfo.InvariantCulture, $"{money.Currency} {money.Amount:N2}");

    public static string Total(MoneyTotal total) =>
        string.Create(CultureInfo.InvariantCulture, $"{total.Currency} {total.Amount:N2}");

    /// <summary>Totals come one per currency; no total at all is shown as a dash.</summary>
    public static string Amounts(IReadOnlyList<MoneyTotal> totals) =>
        totals.Count == 0 ? "-" : string.Join(" + ", totals.Select(Total));

    public static string Percent(decimal probability) =>
        (probability * 100m).ToString("0", CultureInfo.InvariantCulture) + " %";

    public static string Satisfaction(double? average, long ratings) => average is { } a
        ? string.Create(CultureInfo.InvariantCulture, $"{a:0.0}/5 from {ratings} ratings")
        : "-";

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>One line about an interaction: its subject, or what its detail says.</summary>
    public static string Summary(Interaction interaction) => interaction switch
    {
        { Transaction: { } t } => $"{t.OrderReference}: {Amount(t.Amount)}",
        { Feedback: { Rating: { } rating, Scale: RatingScale.FiveStar } f } => $"{f.Category} {rating}/5: {f.Comment}",
        { Feedback: { } f } => $"{f.Category}: {f.Comment}",
        { BehaviourEvent: { } e } => e.Name + (e.Properties?.GetValueOrDefault("url") is { } url ? " " + url : string.Empty),
        _ => interaction.Subject ?? "-",
    };
}
