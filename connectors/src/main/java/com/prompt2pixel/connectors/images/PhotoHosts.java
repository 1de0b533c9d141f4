package com.prompt2pixel.connectors.images;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which hosts product photos may be fetched from: any host whose every address is public,
 * and the hosts an operator admits (host names or CIDR ranges, for an intranet image
 * server). Loopback, private, link-local (the cloud metadata service at 169.254.169.254
 * among them), unique-local, carrier-grade NAT, multicast and unspecified addresses are
 * refused, as the OWASP SSRF prevention rules ask: a catalog is the merchant's input, and
 * must not make the server call itself or its neighbours.
 *
 * <p>
 * The addresses are checked after DNS resolution, before each request (redirects are
 * followed one at a time and checked again). The HTTP client resolves the name itself
 * once more; the JVM's DNS cache (30 s by default) gives it the same answer within that
 * time, which is what keeps a rebinding name from switching between the check and the
 * connection. The CIDR match is a few lines here: the maintained matchers come with
 * Spring Security's web module or a large address library, neither of which this module
 * otherwise needs.
 */
public final class PhotoHosts {

	/** Public addresses only: nothing admitted besides. */
	public static final PhotoHosts PUBLIC_ONLY = new PhotoHosts(List.of(), List.of());

	private final List<String> names;

	private final List<Range> ranges;

	private PhotoHosts(List<String> names, List<Range> ranges) {
		this.names = names;
		this.ranges = ranges;
	}

	/**
	 * @param allowed host names ({@code images.intranet}) or CIDR ranges
	 * ({@code 10.1.0.0/16}, {@code fd00::/8}) admitted beside the public addresses
	 * @throws IllegalArgumentException naming an entry that is neither
	 */
	public static PhotoHosts allowing(List<String> allowed) {
		List<String> names = new ArrayList<>();
		List<Range> ranges = new ArrayList<>();
		for (String entry : allowed) {
			String text = entry.strip().toLowerCase(Locale.ROOT);
			if (text.isEmpty()) {
				continue;
			}
			if (text.contains("/") || isAddressLiteral(text)) {
				ranges.add(Range.parse(text));
			}
			else {
				names.add(text);
			}
		}
		return new PhotoHosts(List.copyOf(names), List.copyOf(ranges));
	}

	/**
	 * Checks a host before a request to it.
	 * @throws ProductImageException when it is not admitted; the message names the host
	 * as written, not what it resolved to
	 */
	void check(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		if (name.startsWith("[") && name.endsWith("]")) {
			name = name.substring(1, name.length() - 1);
		}
		if (this.names.contains(name)) {
			return;
		}
		InetAddress[] addresses;
		try {
			addresses = InetAddress.getAllByName(name);
		}
		catch (UnknownHostException ex) {
			throw new ProductImageException("image host " + host + " is not known");
		}
		for (InetAddress address : addresses) {
			if (!isPublic(address) && this.ranges.stream().noneMatch((range) -> range.contains(address))) {
				throw new ProductImageException("image host " + host + " is a local or private address, which is "
						+ "not fetched (p2p.photos.allowed-hosts admits an intranet host)");
			}
		}
	}

	/**
	 * Whether a request may go to the host: a name admitted by the list, or one whose
	 * every address is public or in an admitted range. The same check outside photo
	 * fetching (merchants' webhook endpoints).
	 */
	public boolean admits(String host) {
		try {
			check(host);
			return true;
		}
		catch (ProductImageException ex) {
			return false;
		}
	}

	/** Whether an address is on the public internet. */
	static boolean isPublic(InetAddress address) {
		if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()) {
			return false;
		}
		byte[] bytes = address.getAddress();
		if (address instanceof Inet6Address) {
			if ((bytes[0] & 0xFE) == 0xFC) {
				// unique-local fc00::/7 (AWS's metadata service at fd00:ec2::254 among
				// them)
				return false;
			}
			if (isMappedIpv4(bytes)) {
				try {
					return isPublic(InetAddress.getByAddress(java.util.Arrays.copyOfRange(bytes, 12, 16)));
				}
				catch (UnknownHostException ex) {
					return false;
				}
			}
			return true;
		}
		int first = bytes[0] & 0xFF;
		int second = bytes[1] & 0xFF;
		return !(first == 0 || (first == 100 && (second & 0xC0) == 64) || (first == 192 && second == 0)
				|| (first == 198 && (second & 0xFE) == 18) || first >= 240);
	}

	private static boolean isMappedIpv4(byte[] bytes) {
		for (int i = 0; i < 10; i++) {
			if (bytes[i] != 0) {
				return false;
			}
		}
		return (bytes[10] == (byte) 0xFF && bytes[11] == (byte) 0xFF) || (bytes[10] == 0 && bytes[11] == 0);
	}

	private static boolean isAddressLiteral(String text) {
		return text.matches("[0-9.]+") || text.contains(":");
	}

	/** A CIDR range. */
	private record Range(byte[] network, int prefix) {

		static Range parse(String text) {
			int slash = text.indexOf('/');
			String address = (slash < 0) ? text : text.substring(0, slash);
			if (!isAddressLiteral(address)) {
				throw new IllegalArgumentException("'" + text + "' is neither a host name nor a CIDR range");
			}
			byte[] network;
			try {
				network = InetAddress.getByName(address).getAddress();
			}
			catch (UnknownHostException ex) {
				throw new IllegalArgumentException("'" + text + "' is not a CIDR range", ex);
			}
			int bits = network.length * 8;
			int prefix;
			try {
				prefix = (slash < 0) ? bits : Integer.parseInt(text.substring(slash + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'" + text + "' has no prefix length after the /", ex);
			}
			if (prefix < 0 || prefix > bits) {
				throw new IllegalArgumentException("'" + text + "' has a prefix longer than its address");
			}
			return new Range(network, prefix);
		}

		boolean contains(InetAddress address) {
			byte[] bytes = address.getAddress();
			if (bytes.length != this.network.length) {
				return false;
			}
			for (int bit = 0; bit < this.prefix; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((bytes[bit / 8] & mask) != (this.network[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}

	}

}
