package seed

import (
	"strconv"
	"time"

	"github.com/c360crm/c360/internal/validate"
)

// Identifiers: mobile numbers, resident IDs, credit codes, account and service numbers. The
// ones that must not repeat come from keyed permutations of an ordinal that never repeats
// (the row's position in its table's ID range), so they are unique across runs too. The keys
// are fixed, not derived from the seed, for that reason.

// mobilePrefixes are real mainland mobile prefixes (China Mobile, Unicom, Telecom).
var mobilePrefixes = []string{
	"134", "135", "136", "137", "138", "139", "150", "151", "152", "157", "158", "159", "182", "183", "184", "187", "188", "198",
	"130", "131", "132", "155", "156", "185", "186",
	"133", "153", "180", "181", "189", "199",
}

var (
	mobilePerm  = newPermutation(uint64(len(mobilePrefixes))*1e8, 0x6d6f62696c65)
	accountPerm = newPermutation(1e10, 0x6163636f756e74)
	servicePerm = newPermutation(1e8, 0x73657276696365)
	orgCodePerm = newPermutation(1e8, 0x6f7267636f6465)
	landPerm    = newPermutation(7e7, 0x6c616e646c696e)
)

// mobileHalf splits the mobile space: customers' own numbers below, extra lines above.
var mobileHalf = mobilePerm.n / 2

func mobileAt(v uint64) string {
	s := strconv.FormatUint(100000000+v%1e8, 10)[1:] // 8 digits, zero padded
	return mobilePrefixes[v/1e8] + s
}

// customerMobile is the mobile number of the customer with the given ordinal.
func customerMobile(ord uint64) string { return mobileAt(mobilePerm.at(ord % mobileHalf)) }

// lineMobile is the number of an additional mobile line (a family or company member's SIM),
// by the ordinal of its subscription.
func lineMobile(subOrd uint64) string {
	return mobileAt(mobilePerm.at(mobileHalf + subOrd%(mobilePerm.n-mobileHalf-16)))
}

// staffMobile is a contact number for partners and staff: the top of the mobile space.
func staffMobile(i uint64) string { return mobileAt(mobilePerm.at(mobilePerm.n - 1 - i)) }

// residentID builds an 18-character resident ID: division code, birth date, a 3-digit sequence
// whose last digit is odd for men, and the GB 11643 check character.
func residentID(region string, birthday time.Time, seq int) string {
	first17 := region + birthday.Format("20060102") + strconv.Itoa(1000 + seq%1000)[1:]
	c, err := validate.ResidentIDCheckDigit(first17)
	if err != nil {
		panic("seed: resident ID " + first17 + ": " + err.Error())
	}
	return first17 + string(c)
}

// orgCodeWeights are the GB 11714 weights of the 8-character organisation code body.
var orgCodeWeights = [8]int{3, 7, 9, 10, 5, 8, 4, 2}

// uscc builds an 18-character unified social credit code (GB 32100): registration authority
// and type (e.g. "91" a company, "11" a government organ, "12" a public institution), the
// division code, the 9-character organisation code (GB 11714, with its own check character)
// and the check character.
func uscc(kind, region string, ord uint64) string {
	body := strconv.FormatUint(100000000+orgCodePerm.at(ord%orgCodePerm.n), 10)[1:]
	sum := 0
	for i := 0; i < 8; i++ {
		sum += int(body[i]-'0') * orgCodeWeights[i]
	}
	var c9 byte
	switch v := 11 - sum%11; v {
	case 10:
		c9 = 'X'
	case 11:
		c9 = '0'
	default:
		c9 = byte('0' + v)
	}
	first17 := kind + region + body + string(c9)
	c, err := validate.USCCCheckChar(first17)
	if err != nil {
		panic("seed: credit code " + first17 + ": " + err.Error())
	}
	return first17 + string(c)
}

// accountNumber is a payment account number: the city's area code without the trunk 0 and
// ten digits unique to the account.
func accountNumber(c *city, ord uint64) string {
	return c.areaCode[1:] + strconv.FormatUint(1e10+accountPerm.at(ord%accountPerm.n), 10)[1:]
}

// broadbandAccount is a broadband login such as hz12345678@ftth.
func broadbandAccount(c *city, subOrd uint64) string {
	return c.pinyin + strconv.FormatUint(1e8+servicePerm.at(subOrd%servicePerm.n), 10)[1:] + "@ftth"
}

// landline is a fixed-line number such as 0571-86543210 (eight digits, not starting 0 or 1).
func landline(c *city, subOrd uint64) string {
	return c.areaCode + "-" + strconv.FormatUint(2e7+landPerm.at(subOrd%landPerm.n), 10)
}

// iptvAccount is an IPTV service account such as ITV057112345678.
func iptvAccount(c *city, subOrd uint64) string {
	return "ITV" + c.areaCode + strconv.FormatUint(1e8+servicePerm.at(subOrd%servicePerm.n), 10)[1:]
}
