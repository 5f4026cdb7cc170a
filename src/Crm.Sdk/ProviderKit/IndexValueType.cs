namespace Crm.Sdk.ProviderKit;

/// <summary>The type of an index column. Providers map each to a native, indexable column type.</summary>
public enum IndexValueType
{
    /// <summary>Text compared ordinally (binary). CLR type <see cref="string"/>.</summary>
    Text,

    /// <summary>A 64-bit integer; also used for instants (Unix ticks of 100 ns) and booleans (0/1). CLR type <see cref="long"/>.</summary>
    WholeNumber,

    /// <summary>A decimal with at most four decimal places and an absolute value below 10^14 (see <see cref="Money"/>). CLR type <see cref="decimal"/>.</summary>
    Number,

    /// <summary>A GUID, such as the id of another record. CLR type <see cref="System.Guid"/>.</summary>
    Uuid,
}
