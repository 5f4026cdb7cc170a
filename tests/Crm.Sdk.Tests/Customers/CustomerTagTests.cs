using Crm.Sdk.Customers;
using Crm.Sdk.Domain;
using FsCheck.Xunit;
using Xunit;
using static Crm.Sdk.Tests.Customers.CustomerTestData;

namespace Crm.Sdk.Tests.Customers;

/// <summary>Tag normalization and set semantics.</summary>
public sealed class CustomerTagTests
{
    [Property(Arbitrary = [typeof(Generators.TagLists)])]
    public bool Tags_behave_as_a_set_of_normalized_values(string[] input)
    {
        var customer = CreateSaved();
        foreach (var tag in input)
        {
            customer.AddTag(tag);
        }

        var reversed = CreateSaved();
        foreach (var tag in input.Reverse().Concat(input.Select(t => t.ToUpperInvariant())))
        {
            reversed.AddTag(tag);
        }

        var expected = input.Select(TextKey.Of).Distinct().Order(StringComparer.Ordinal).ToArray();
        return customer.Tags.SequenceEqual(expected)
            && reversed.Tags.SequenceEqual(expected)
            && customer.DomainEvents.Count == expected.Length
            && expected.All(t => CustomerTag.Normalize(t) == t);
    }

    [Fact]
    public void Draft_tags_collapse_to_a_set()
    {
        var customer = Create(Person() with { Tags = ["B", "a", " b ", "A"] });

        Assert.Equal(["a", "b"], customer.Tags);
    }
}
