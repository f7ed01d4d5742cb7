using System.Globalization;
using EasternSelect.Domain.Suppliers;

namespace EasternSelect.Domain.Tests.Suppliers;

public sealed class TaxIdTests
{
    // Checked by hand with weights 1,2,1,2,1,2,4,1 and digit sums of the products:
    // 04595257: 0+8+5+(1+8)+5+4+(2+0)+7 = 40, divisible by 5.
    // 10458575: 1+0+4+(1+0)+8+(1+0)+(2+8)+5 = 30, divisible by 5.
    // 12345675: 1+4+3+8+5+(1+2)+(2+8)+5 = 39; the 7th digit is 7 and 39+1 = 40.
    // 10458574: 29; the 7th digit is 7 and 29+1 = 30 (the Ministry of Finance's own example pair with 10458575).
    // 22099131: 30; 84149961: 50; 53212539: 30.
    [Theory]
    [InlineData("04595257")]
    [InlineData("10458575")]
    [InlineData("10458574")]
    [InlineData("12345675")]
    [InlineData("22099131")]
    [InlineData("84149961")]
    [InlineData("53212539")]
    public void IsValid_KnownValidNumber_ReturnsTrue(string value) =>
        Assert.True(TaxId.IsValid(value));

    // 04595258: 41. 10458573: 28, and 28+1 = 29. 04595256: 39, and 39+1 = 40 but the 7th digit is 5, not 7.
    [Theory]
    [InlineData("04595258")]
    [InlineData("10458573")]
    [InlineData("04595256")]
    [InlineData("12345678")]
    public void IsValid_WrongChecksum_ReturnsFalse(string value) =>
        Assert.False(TaxId.IsValid(value));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0459525")]
    [InlineData("045952570")]
    [InlineData(" 04595257")]
    public void IsValid_WrongLength_ReturnsFalse(string? value) =>
        Assert.False(TaxId.IsValid(value));

    [Theory]
    [InlineData("0459525A")]
    [InlineData("0459-257")]
    [InlineData("０４５９５２５７")] // full-width digits pass char.IsDigit but are not ASCII.
    [InlineData("04595２57")]
    public void IsValid_NonAsciiDigits_ReturnsFalse(string value) =>
        Assert.False(TaxId.IsValid(value));

    [Theory]
    [InlineData("0459525", "04595252")]
    [InlineData("1045857", "10458570")]
    [InlineData("0000000", "00000000")]
    public void WithCheckDigit_SevenDigits_AppendsTheFirstValidCheckDigit(string sevenDigits, string expected) =>
        Assert.Equal(expected, TaxId.WithCheckDigit(sevenDigits));

    [Fact]
    public void WithCheckDigit_PrefixesAcrossTheWholeRange_AlwaysYieldValidId()
    {
        // A prime stride visits every digit position with varied values without testing all ten million.
        for (var n = 0; n < 10_000_000; n += 997)
        {
            var prefix = n.ToString("D7", CultureInfo.InvariantCulture);

            var id = TaxId.WithCheckDigit(prefix);

            Assert.StartsWith(prefix, id, StringComparison.Ordinal);
            Assert.Equal(8, id.Length);
            Assert.True(TaxId.IsValid(id), id);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("123456")]
    [InlineData("12345678")]
    [InlineData("12345a7")]
    public void WithCheckDigit_NotSevenDigits_ThrowsArgumentException(string value) =>
        Assert.Throws<ArgumentException>(() => TaxId.WithCheckDigit(value));

    [Fact]
    public void WithCheckDigit_Null_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => TaxId.WithCheckDigit(null!));
}
