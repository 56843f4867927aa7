# orilla stats --csv: one row per counter; a hostile story id stays one quoted field and
# cannot become a spreadsheet formula (a leading ')
args: stats --db tests/data/kiosk/stats-sample.db --csv --min-sessions 5
exit: 0
stdout-contains: kind,story,version,day,scene,choice,target,lang,count
stdout-contains: started,tres-caminos,1.0.0,2026-03-01,,,,,30
stdout-contains: choice,tres-caminos,1.0.0,,inicio,3,carmen-1,,9
stdout-contains: ending,tres-caminos,1.0.0,,marisol-fin,,,,12
stdout-contains: language,tres-caminos,1.0.0,,,,,ar,10
stdout-contains: scene,tres-caminos,1.0.0,,marisol-1,,,,20
stdout-contains: started,"'=HYPERLINK(""x""),evil
