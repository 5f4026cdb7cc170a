namespace Crm.Sdk.Customers;

/// <summary>One of a customer's email addresses.</summary>
/// <param name="Address">The address.</param>
/// <param name="Label">A label such as <c>work</c>, or <see langword="null"/>.</param>
/// <param name="IsPrimary">Whether this is the customer's primary address; exactly one address is primary when there are any.</param>
public sealed record CustomerEmail(EmailAddress Address, string? Label, bool IsPrimary);
