using System.Text;
using Xunit;

namespace Crm.Sdk.Import.Tests;

public sealed class MappingFileTests
{
    [Fact]
    public void An_unknown_key_is_rejected_naming_the_key_line_and_position()
    {
        var json = "{\n  \"kind\": \"customers\",\n  \"key\": { \"by\": \"email\", \"value\": { \"column\": \"Email\", \"trimm\": true } }\n}";

        var error = Assert.Throws<ImportMappingException>(() => ImportMapping.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("$.key.value.trimm", error.Key);
        Assert.Equal(3, error.LineNumber);
        Assert.Contains("trimm", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_enum_value_is_rejected_naming_the_key_and_line()
    {
        var json = "{\n  \"kind\": \"customers\",\n  \"onMatch\": \"overwrite\",\n  \"key\": { \"by\": \"email\", \"value\": { \"column\": \"Email\" } }\n}";

        var error = Assert.Throws<ImportMappingException>(() => ImportMapping.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("$.onMatch", error.Key);
        Assert.Equal(3, error.LineNumber);
    }

    [Theory]
    [InlineData("\"customer\": { \"emial\": { \"column\": \"E\" } }", "$.customer.emial", 4)]
    [InlineData("\"customer\": { \"email\": { \"column\": \"E\", \"constant\": \"x\" } }", "$.customer.email", 4)]
    [InlineData("\"customer\": { \"email\": { \"column\": \"E\", \"culture\": \"xx-nowhere-culture-123\" } }", "$.customer.email.culture", 4)]
    [InlineData("\"source\": { \"encoding\": \"klingon-8\" }", "$.source.encoding", 4)]
    [InlineData("\"source\": { \"timeZone\": \"Mars/Olympus\" }", "$.source.timeZone", 4)]
    [InlineData("\"defaultCurrency\": \"XYZ\"", "$.defaultCurrency", 4)]
    public void A_bad_value_is_rejected_naming_the_key_and_its_line(string member, string key, long line)
    {
        var json = "{\n  \"kind\": \"customers\",\n  \"key\": { \"by\": \"email\", \"value\": { \"column\": \"Email\" } },\n  " + member + "\n}";

        var error = Assert.Throws<ImportMappingException>(() => ImportMapping.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Equal(key, error.Key);
        Assert.Equal(line, error.LineNumber);
    }

    [Theory]
    [InlineData("online-retail/purchases.map.json")]
    [InlineData("maven-crm/accounts.map.json")]
    [InlineData("maven-crm/sales_pipeline.map.json")]
    public void The_shipped_mapping_files_are_valid_and_round_trip_through_json(string file)
    {
        var mapping = ImportMapping.Load(Path.Combine(AppContext.BaseDirectory, "TestData", file));

        var again = ImportMapping.Parse(Encoding.UTF8.GetBytes(mapping.ToJson()));

        Assert.Equal(mapping.ToJson(), again.ToJson());
    }
}
