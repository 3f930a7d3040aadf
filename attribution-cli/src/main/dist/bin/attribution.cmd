@echo off
rem attribution: the Partner Attribution for Azure command line. The JVM options are those of bin/attribution;
rem on Windows the class-data-sharing archive is not made. ATTRIBUTION_OPTS adds JVM options; JAVA_HOME picks the JDK.
setlocal
set "HOME_DIR=%~dp0.."
set "JAVA=java"
if defined JAVA_HOME if exist "%JAVA_HOME%\bin\java.exe" set "JAVA=%JAVA_HOME%\bin\java.exe"
"%JAVA%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmn8m -XX:-UsePerfData %ATTRIBUTION_OPTS% -cp "%HOME_DIR%\lib\attribution.jar" io.github.partnerattribution.cli.Main %*
exit /b %ERRORLEVEL%
