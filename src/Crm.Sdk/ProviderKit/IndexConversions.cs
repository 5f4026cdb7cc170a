using NodaTime;

namespace Crm.Sdk.ProviderKit;

/// <summary>How the SDK turns domain values into index values, so that every mapping does it the same way.</summary>
internal static class IndexConversions
{
    private static readonly LocalDate FirstDay = new(1, 1, 1);

    /// <summary>An instant as Unix ticks (100 ns), the resolution of the index; the document keeps full precision.</summary>
    public static long ToIndex(Instant instant) => instant.ToUnixTimeTicks();

    /// <summary>An ISO date as its day number: days since 0001-01-01, negative before it (down to <see cref="LocalDate.MinIsoValue"/>).</summary>
    public static long ToIndex(LocalDate date) =>
        date.Year >= 1 ? date.ToDateOnly().DayNumber : Period.DaysBetween(FirstDay, date);

    /// <summary>A flag as 0 or 1.</summary>
    public static long ToIndex(bool value) => value ? 1 : 0;
}
