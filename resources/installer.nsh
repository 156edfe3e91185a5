; Teduh installer additions (electron-builder `nsis.include`).
;
; LAN sharing: one inbound firewall rule for the host's TCP port (whichever the office chose;
; 47470 by default) and one for mDNS discovery (UDP 5353), both for Teduh's own executable
; only and on the Private network profile only, so a PC on a public network (a cafe, a
; hotel) never accepts connections and no other program gets through.
; Removed on uninstall. netsh needs administrator rights: when the installer does not
; have them (a per-user installation), Windows asks once (UAC); if that is declined the
; installation goes on without the rules and sharing works only after they are added.

!define TEDUH_FW_RULE "Teduh LAN"
!define TEDUH_FW_RULE_MDNS "Teduh LAN (mDNS)"
!define TEDUH_FW_ADD_TCP 'advfirewall firewall add rule name="${TEDUH_FW_RULE}" dir=in action=allow protocol=TCP profile=private program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" enable=yes'
!define TEDUH_FW_ADD_MDNS 'advfirewall firewall add rule name="${TEDUH_FW_RULE_MDNS}" dir=in action=allow protocol=UDP localport=5353 profile=private program="$INSTDIR\${APP_EXECUTABLE_FILENAME}" enable=yes'
!define TEDUH_FW_DEL_TCP 'advfirewall firewall delete rule name="${TEDUH_FW_RULE}"'
!define TEDUH_FW_DEL_MDNS 'advfirewall firewall delete rule name="${TEDUH_FW_RULE_MDNS}"'

!macro teduhNetsh ARGS
  nsExec::ExecToLog 'netsh ${ARGS}'
  Pop $0
  ${If} $0 != 0
    ; Not elevated: ask Windows to run this one command as administrator.
    ExecShellWait "runas" "netsh" '${ARGS}' SW_HIDE
  ${EndIf}
!macroend

!macro customInstall
  ; A reinstall or update replaces the rules rather than adding copies.
  nsExec::ExecToLog 'netsh ${TEDUH_FW_DEL_TCP}'
  nsExec::ExecToLog 'netsh ${TEDUH_FW_DEL_MDNS}'
  !insertmacro teduhNetsh '${TEDUH_FW_ADD_TCP}'
  !insertmacro teduhNetsh '${TEDUH_FW_ADD_MDNS}'
!macroend

!macro customUnInstall
  !insertmacro teduhNetsh '${TEDUH_FW_DEL_TCP}'
  !insertmacro teduhNetsh '${TEDUH_FW_DEL_MDNS}'
!macroend
