# Copyright 2026 Seed 8bb66154 maintainers
# Distributed under the terms of the GNU General Public License v2

EAPI=8

inherit systemd

DESCRIPTION="Linux bonding from the distribution's own network files; ifenslave's successor"
HOMEPAGE="https://example.invalid/bondcfg"
SRC_URI="https://example.invalid/bondcfg/${P}.tar.xz"

LICENSE="GPL-2+"
SLOT="0"
KEYWORDS="~amd64 ~arm64 ~x86"
IUSE="netifrc"

DEPEND="
	net-libs/libmnl:=
	dev-libs/libnl:3=
	dev-libs/popt
"
RDEPEND="${DEPEND}
	netifrc? ( net-misc/netifrc )
	!net-misc/ifenslave
"
BDEPEND="virtual/pkgconfig"

src_configure() {
	local myeconfargs=(
		--with-bash-completion-dir="${EPREFIX}/usr/share/bash-completion/completions"
		--with-openrc
		--with-systemdsystemunitdir="$(systemd_get_systemunitdir)"
		$(use_with netifrc netifrc-dir "${EPREFIX}/lib/netifrc/net")
	)
	econf "${myeconfargs[@]}"
}

pkg_postinst() {
	if use netifrc; then
		elog "For /etc/init.d/net.bond0 to build bond0 with bondcfg, keep the"
		elog "bond's variables in /etc/conf.d/net (slaves_bond0, mode_bond0, ...)"
		elog "and link the script: ln -s net.lo /etc/init.d/net.bond0"
	fi
	elog "Without netifrc: rc-update add bondcfg boot (OpenRC), or"
	elog "systemctl enable bondcfg.service (systemd)."
}
