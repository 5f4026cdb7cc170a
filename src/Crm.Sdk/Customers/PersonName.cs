using Crm.Sdk.Domain;

namespace Crm.Sdk.Customers;

/// <summary>The structured name of a person: given and family name (at least one), and an optional middle name.</summary>
public sealed record PersonName
{
    /// <summary>The longest name part accepted.</summary>
    public const int MaxPartLength = 100;

    private PersonName(string? givenName, string? familyName, string? middleName)
    {
        GivenName = givenName;
        FamilyName = familyName;
        MiddleName = middleName;
    }

    /// <summary>The given (first) name, or <see langword="null"/>.</summary>
    public string? GivenName { get; }

    /// <summary>The family name (surname), or <see langword="null"/>.</summary>
    public string? FamilyName { get; }

    /// <summary>The middle name(s), or <see langword="null"/>.</summary>
    public string? MiddleName { get; }

    /// <summary>The parts joined with spaces, given name first, for example <c>Ada King Lovelace</c>.</summary>
    public string FullName => string.Join(' ', new[] { GivenName, MiddleName, FamilyName }.OfType<string>());

    /// <summary>Creates a name; every part is trimmed and a blank part counts as absent.</summary>
    /// <param name="givenName">The given name.</param>
    /// <param name="familyName">The family name.</param>
    /// <param name="middleName">The middle name.</param>
    /// <returns>The name.</returns>
    /// <exception cref="CrmValidationException">Both given and family name are blank (rule <c>required</c>), or a part is too long or has control characters.</exception>
    public static PersonName Create(string? givenName, string? familyName, string? middleName = null)
    {
        var errors = new List<ValidationError>();
        var name = Validate(givenName, familyName, middleName, string.Empty, errors);
        InputRules.ThrowIfAny(errors);
        return name!;
    }

    /// <inheritdoc />
    public override string ToString() => FullName;

    /// <summary>Checks a name, adding errors under <paramref name="prefix"/> (empty or ending with a dot).</summary>
    internal static PersonName? Validate(string? givenName, string? familyName, string? middleName, string prefix, List<ValidationError> errors)
    {
        var count = errors.Count;
        var given = InputRules.Optional(givenName, prefix + nameof(GivenName), MaxPartLength, errors, out _);
        var family = InputRules.Optional(familyName, prefix + nameof(FamilyName), MaxPartLength, errors, out _);
        var middle = InputRules.Optional(middleName, prefix + nameof(MiddleName), MaxPartLength, errors, out _);
        if (errors.Count == count && given is null && family is null)
        {
            errors.Add(new ValidationError(prefix + nameof(GivenName), "required", "A person's name needs a given name or a family name."));
        }

        return errors.Count == count ? new PersonName(given, family, middle) : null;
    }

    /// <summary>Restores a stored name without checking it again.</summary>
    internal static PersonName FromStored(string? givenName, string? familyName, string? middleName) => new(givenName, familyName, middleName);
}
