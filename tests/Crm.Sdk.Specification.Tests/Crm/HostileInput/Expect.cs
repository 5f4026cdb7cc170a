namespace Crm.Sdk.Specification.Tests.Crm.HostileInput;

/// <summary>What a call may write when it returns normally.</summary>
internal enum StoreEffect
{
    /// <summary>The call may or may not write (a command whose input may be a no-op).</summary>
    Any,

    /// <summary>The call must write: it reported success, so its change must be in the store.</summary>
    Writes,

    /// <summary>The call must not write (a read, or a command documented as changing nothing).</summary>
    None,
}

/// <summary>
/// The outcomes the contract allows for one case, combined with <c>|</c>: returning normally (with a given effect on the
/// store) or failing with a given typed exception. A failure outside the allowed ones is a contract mismatch; a failure
/// outside the typed family (<see cref="CrmException"/> and the documented argument exceptions) is untyped.
/// </summary>
internal sealed class Expect
{
    private readonly Matcher[] _matchers;

    private Expect(params Matcher[] matchers) => _matchers = matchers;

    /// <summary>How the allowed outcomes read in a report.</summary>
    public string Description => string.Join(" or ", _matchers.Select(m => m.Description));

    /// <summary>The effect a normal return must have, or <see langword="null"/> when returning normally breaks the contract.</summary>
    public StoreEffect? Success => _matchers.OfType<SuccessMatcher>().Select(m => (StoreEffect?)m.Effect).FirstOrDefault();

    /// <summary>Whether the contract expects the call to return normally (counted as an accepted input).</summary>
    public bool ExpectsSuccess => Success is not null;

    /// <summary>A command that is accepted and writes.</summary>
    /// <returns>The expectation.</returns>
    public static Expect Accepted() => new(new SuccessMatcher(StoreEffect.Writes));

    /// <summary>A command that is accepted and may or may not write.</summary>
    /// <returns>The expectation.</returns>
    public static Expect AcceptedAnyEffect() => new(new SuccessMatcher(StoreEffect.Any));

    /// <summary>A call that is accepted and writes nothing (a read, or a documented no-op).</summary>
    /// <returns>The expectation.</returns>
    public static Expect AcceptedWithoutWrite() => new(new SuccessMatcher(StoreEffect.None));

    /// <summary>A <see cref="CrmValidationException"/> with an error whose field contains one of <paramref name="fields"/> and whose rule is one of <paramref name="rules"/>.</summary>
    /// <param name="fields">Parts of the expected field name (matched ignoring case); any field when empty.</param>
    /// <param name="rules">The allowed rules.</param>
    /// <returns>The expectation.</returns>
    public static Expect Invalid(string[] fields, params string[] rules) => new(new ValidationMatcher(fields, rules));

    /// <summary>A <see cref="CrmValidationException"/> naming <paramref name="field"/> with one of <paramref name="rules"/>.</summary>
    /// <param name="field">Part of the expected field name (matched ignoring case).</param>
    /// <param name="rules">The allowed rules.</param>
    /// <returns>The expectation.</returns>
    public static Expect Invalid(string field, params string[] rules) => Invalid([field], rules);

    /// <summary>
    /// A <see cref="CrmValidationException"/> naming <paramref name="fields"/> with any rule: for corners the contract
    /// gives no rule for (a refusal must still name the field and give a rule).
    /// </summary>
    /// <param name="fields">Parts of the expected field name (matched ignoring case).</param>
    /// <returns>The expectation.</returns>
    public static Expect InvalidAnyRule(params string[] fields) => new(new ValidationMatcher(fields, null));

    /// <summary>An <see cref="EntityNotFoundException"/>.</summary>
    /// <returns>The expectation.</returns>
    public static Expect NotFound() => Throws<EntityNotFoundException>("EntityNotFoundException");

    /// <summary>A <see cref="DomainRuleException"/> (or a subclass) with one of <paramref name="rules"/>.</summary>
    /// <param name="rules">The allowed rules.</param>
    /// <returns>The expectation.</returns>
    public static Expect DomainRule(params string[] rules) =>
        new(new ExceptionMatcher(typeof(DomainRuleException), e => rules.Contains(((DomainRuleException)e).Rule, StringComparer.Ordinal), $"DomainRuleException({string.Join("|", rules)})"));

    /// <summary>An exception of type <typeparamref name="T"/> or a subclass.</summary>
    /// <typeparam name="T">The exception type.</typeparam>
    /// <param name="description">How it reads in a report.</param>
    /// <returns>The expectation.</returns>
    public static Expect Throws<T>(string description)
        where T : Exception => new(new ExceptionMatcher(typeof(T), null, description));

    /// <summary>Either expectation.</summary>
    /// <param name="left">One.</param>
    /// <param name="right">The other.</param>
    /// <returns>The combination.</returns>
    public static Expect operator |(Expect left, Expect right) => new([.. left._matchers, .. right._matchers]);

    /// <summary>Whether the typed exception <paramref name="exception"/> is one of the allowed failures.</summary>
    /// <param name="exception">The exception.</param>
    /// <returns>Whether it is allowed.</returns>
    public bool Allows(Exception exception) => _matchers.Any(m => m.Matches(exception));

    private abstract record Matcher(string Description)
    {
        public abstract bool Matches(Exception exception);
    }

    private sealed record SuccessMatcher(StoreEffect Effect) : Matcher(Effect switch
    {
        StoreEffect.Writes => "accepted (writes)",
        StoreEffect.None => "accepted (writes nothing)",
        _ => "accepted",
    })
    {
        public override bool Matches(Exception exception) => false;
    }

    private sealed record ValidationMatcher(string[] Fields, string[]? Rules)
        : Matcher($"CrmValidationException({(Fields.Length == 0 ? "*" : string.Join("|", Fields))}: {(Rules is null ? "any rule" : string.Join("|", Rules))})")
    {
        public override bool Matches(Exception exception) =>
            exception is CrmValidationException validation
            && validation.Errors.Any(e =>
                (Rules is null ? !string.IsNullOrWhiteSpace(e.Rule) : Rules.Contains(e.Rule, StringComparer.Ordinal))
                && (Fields.Length == 0 || Fields.Any(f => e.Field.Contains(f, StringComparison.OrdinalIgnoreCase))));
    }

    private sealed record ExceptionMatcher(Type Type, Func<Exception, bool>? Predicate, string Text) : Matcher(Text)
    {
        public override bool Matches(Exception exception) => Type.IsInstanceOfType(exception) && (Predicate is null || Predicate(exception));
    }
}
